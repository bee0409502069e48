package dev.runbook.stdlib.file;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts a backup in place; the file it replaces is kept so undo can put that back. */
public final class FileRestoreStep implements StepType {
    @Override
    public String name() {
        return "file.restore";
    }

    @Override
    public String summary() {
        return "Restore a file from a backup atomically; undo puts back what was there";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.DESTRUCTIVE);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("from", Type.STRING, "the backup to restore"),
                ParamSpec.required("to", Type.STRING, "the file to replace"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("from", Type.STRING, "the backup, absolute"),
                OutputSpec.of("to", Type.STRING, "the restored file, absolute"),
                OutputSpec.of("previous", Type.STRING, "where the replaced file was kept, or null"),
                OutputSpec.of("sha256", Type.STRING, "SHA-256 of the restored file, hex"));
    }

    @Override
    public String describe(Args args) {
        return "restore " + args.show("to") + " from " + args.show("from");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        Path from = context.resolve(args.string("from"));
        Path to = context.resolve(args.string("to"));
        if (!Files.isRegularFile(from) || !Files.isReadable(from)) {
            return StepResult.refused("backup " + from + " is missing or unreadable; nothing was changed."
                    + " Check from (list the backups with ls)");
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
            out.put("previous", previous == null ? null : previous.toString());
            out.put("sha256", FileOps.sha256(to));
            context.log("restored " + to + " from " + from);
            return StepResult.ok(out);
        } catch (IOException e) {
            return StepResult.failed("cannot restore " + to + " from " + from + ": " + FileOps.problem(e)
                    + "; check permissions and free space");
        }
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return "put back the " + args.show("to") + " that the restore replaced";
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) {
        return FileOps.putBack((String) outputs.get("to"), (String) outputs.get("previous"), context);
    }
}
