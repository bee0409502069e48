package dev.runbook.stdlib.file;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Looks at a path; a missing file is an answer (exists: false), not a failure. */
public final class FileExistsStep implements StepType {
    @Override
    public String name() {
        return "file.exists";
    }

    @Override
    public String summary() {
        return "Check whether a file or directory exists, with its size and modification time";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.required("path", Type.STRING, "the file or directory, relative to the runbook"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("exists", Type.BOOL, "whether the path exists"),
                OutputSpec.of("size", Type.INT, "its size in bytes (0 if missing)"),
                OutputSpec.of("modified", Type.STRING, "last modification, ISO-8601 UTC (null if missing)"),
                OutputSpec.of("is_dir", Type.BOOL, "whether it is a directory"));
    }

    @Override
    public String describe(Args args) {
        return "check whether " + args.show("path") + " exists";
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        Path path = context.resolve(args.string("path"));
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            out.put("exists", true);
            out.put("size", attributes.size());
            out.put("modified", attributes.lastModifiedTime().toInstant().toString());
            out.put("is_dir", attributes.isDirectory());
        } catch (NoSuchFileException missing) {
            out.put("exists", false);
            out.put("size", 0L);
            out.put("modified", null);
            out.put("is_dir", false);
        } catch (IOException e) {
            return StepResult.failed("cannot look at " + path + ": " + FileOps.problem(e)
                    + "; check the permissions of its directories");
        }
        return StepResult.ok(out);
    }
}
