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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies one file atomically; a file it replaces is kept beside the target so undo can put it back. */
public final class FileCopyStep implements StepType {
    @Override
    public String name() {
        return "file.copy";
    }

    @Override
    public String summary() {
        return "Copy a file atomically; undo puts back what the destination was";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("from", Type.STRING, "the file to copy"),
                ParamSpec.required("to", Type.STRING, "the destination file, or a directory to copy into"),
                ParamSpec.optional(
                        "overwrite", Type.BOOL, false, "replace an existing destination (it is kept for undo)"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("from", Type.STRING, "the source, absolute"),
                OutputSpec.of("to", Type.STRING, "the destination, absolute"),
                OutputSpec.of("bytes", Type.INT, "bytes copied"),
                OutputSpec.of("previous", Type.STRING, "where the replaced destination was kept, or null"));
    }

    @Override
    public String describe(Args args) {
        String overwrite =
                args.has("overwrite") && args.isKnown("overwrite") && args.bool("overwrite") ? " (overwrite)" : "";
        return "copy " + args.show("from") + " to " + args.show("to") + overwrite;
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        Path from = context.resolve(args.string("from"));
        Path to = context.resolve(args.string("to"));
        if (!Files.isRegularFile(from)) {
            return StepResult.refused("cannot copy " + from + ": it is missing or not a regular file; check from");
        }
        if (Files.isDirectory(to)) {
            to = to.resolve(from.getFileName());
        }
        if (Files.exists(to) && !args.bool("overwrite")) {
            return StepResult.refused(to + " already exists; set overwrite: true to replace it (it is kept for undo)");
        }
        StepResult noParent = FileOps.missingParent(to, "to");
        if (noParent != null) {
            return noParent;
        }
        try {
            Path previous = FileOps.keepPrevious(to, context.clock());
            FileOps.copyAtomically(from, to);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("from", from.toString());
            out.put("to", to.toString());
            out.put("bytes", Files.size(to));
            out.put("previous", previous == null ? null : previous.toString());
            return StepResult.ok(out);
        } catch (IOException e) {
            return StepResult.failed("cannot copy " + from + " to " + to + ": " + FileOps.problem(e)
                    + "; check permissions and free space");
        }
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return "put back the previous " + args.show("to") + ", or delete it if the copy created it";
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) {
        return FileOps.putBack((String) outputs.get("to"), (String) outputs.get("previous"), context);
    }
}
