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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes text to a file (atomically when overwriting); undo puts back the previous content. */
public final class FileWriteStep implements StepType {
    @Override
    public String name() {
        return "file.write";
    }

    @Override
    public String summary() {
        return "Write or append text to a file; undo puts back the previous content";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("path", Type.STRING, "the file to write"),
                ParamSpec.required("content", Type.STRING, "the text to write"),
                ParamSpec.optional("mode", Type.STRING, "overwrite", "overwrite (atomic) or append"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("path", Type.STRING, "the file, absolute"),
                OutputSpec.of("bytes", Type.INT, "bytes written"),
                OutputSpec.of("previous", Type.STRING, "where the previous content was kept, or null"));
    }

    @Override
    public String describe(Args args) {
        String verb = "append".equals(args.string("mode")) ? "append to " : "write ";
        return verb + args.show("path");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        Path path = context.resolve(args.string("path"));
        String mode = args.has("mode") ? args.string("mode") : "overwrite";
        if (!mode.equals("overwrite") && !mode.equals("append")) {
            return StepResult.refused("mode is \"" + mode + "\"; use overwrite or append");
        }
        StepResult noParent = FileOps.missingParent(path, "path");
        if (noParent != null) {
            return noParent;
        }
        byte[] bytes = args.string("content").getBytes(StandardCharsets.UTF_8);
        try {
            Path previous = FileOps.keepPrevious(path, context.clock());
            if (mode.equals("append")) {
                Files.write(path, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                FileOps.writeAtomically(path, bytes);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("path", path.toString());
            out.put("bytes", (long) bytes.length);
            out.put("previous", previous == null ? null : previous.toString());
            return StepResult.ok(out);
        } catch (IOException e) {
            return StepResult.failed(
                    "cannot write " + path + ": " + FileOps.problem(e) + "; check permissions and free space");
        }
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return "put back the previous content of " + args.show("path");
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) {
        return FileOps.putBack((String) outputs.get("path"), (String) outputs.get("previous"), context);
    }
}
