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

/** Makes a timestamped copy of a file ({@code .env.production.backup.20240115_143000}); never overwrites one. */
public final class FileBackupStep implements StepType {
    @Override
    public String name() {
        return "file.backup";
    }

    @Override
    public String summary() {
        return "Make a timestamped backup copy of a file (never overwrites a backup); undo deletes it";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.BACKUP);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("path", Type.STRING, "the file to back up"),
                ParamSpec.optional("dir", Type.STRING, null, "where the backup goes (default: beside the file)"),
                ParamSpec.optional(
                        "suffix", Type.STRING, null, "appended to the file name (default: .backup.<yyyyMMdd_HHmmss>)"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("backup", Type.STRING, "the path of the backup copy"),
                OutputSpec.of("sha256", Type.STRING, "SHA-256 of the backup, hex"),
                OutputSpec.of("bytes", Type.INT, "its size in bytes"));
    }

    @Override
    public String describe(Args args) {
        String suffix = args.has("suffix") ? args.show("suffix") : ".backup.<yyyyMMdd_HHmmss>";
        String where = args.has("dir") ? " in " + args.show("dir") : "";
        return "back up " + args.show("path") + " as <name>" + suffix + where;
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        Path path = context.resolve(args.string("path"));
        if (!Files.isRegularFile(path)) {
            return StepResult.refused("nothing to back up: " + path + " is missing or not a regular file; check path");
        }
        Path dir = args.has("dir")
                ? context.resolve(args.string("dir"))
                : path.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return StepResult.refused("backup directory " + dir + " does not exist; create it first or check dir");
        }
        String suffix = args.has("suffix") ? args.string("suffix") : ".backup." + FileOps.stamp(context.clock());
        Path backup = dir.resolve(path.getFileName() + suffix);
        if (Files.exists(backup)) {
            return StepResult.refused("backup " + backup + " already exists; refusing to overwrite it"
                    + " (give another suffix, or run again a second later)");
        }
        try {
            FileOps.copyAtomically(path, backup);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("backup", backup.toString());
            out.put("sha256", FileOps.sha256(backup));
            out.put("bytes", Files.size(backup));
            context.log("backed up " + path + " to " + backup);
            return StepResult.ok(out);
        } catch (IOException e) {
            return StepResult.failed("cannot back up " + path + " to " + backup + ": " + FileOps.problem(e)
                    + "; check permissions and free space");
        }
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return "delete the backup of " + args.show("path");
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) {
        return FileOps.putBack((String) outputs.get("backup"), null, context);
    }
}
