package dev.runbook.stdlib.nginx;

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
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code nginx.config.backup}: a timestamped copy of a config file beside it ({@code <file>.backup.<stamp>}). */
public final class NginxConfigBackupStep implements StepType {
    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    @Override
    public String name() {
        return "nginx.config.backup";
    }

    @Override
    public String summary() {
        return "Copy an nginx config file to <file>.backup.<yyyyMMdd_HHmmss> beside it";
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
        return List.of(ParamSpec.required("path", Type.STRING, "the config file, e.g. /etc/nginx/sites-available/app"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(OutputSpec.of("backup", Type.STRING, "the path of the copy"));
    }

    @Override
    public String describe(Args args) {
        return "cp " + args.show("path") + " " + args.show("path") + ".backup.<yyyyMMdd_HHmmss>";
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        Path path = context.resolve(args.string("path"));
        if (!Files.isRegularFile(path)) {
            return StepResult.failed("no config file at " + path + " to back up");
        }
        try {
            Path backup = backupPath(path, "backup", context);
            Files.copy(path, backup, StandardCopyOption.COPY_ATTRIBUTES);
            context.log("backed up " + path + " to " + backup);
            return StepResult.ok(Map.of("backup", backup.toString()));
        } catch (IOException e) {
            return StepResult.failed("cannot back up " + path + ": " + e + " (check permissions; run as the owner)");
        }
    }

    /** {@code <file>.<kind>.<stamp>}, with -1, -2... when that exists already (two backups in one second). */
    static Path backupPath(Path file, String kind, StepContext context) {
        String stamp =
                STAMP.format(context.clock().instant().atZone(context.clock().getZone()));
        Path candidate = file.resolveSibling(file.getFileName() + "." + kind + "." + stamp);
        for (int i = 1; Files.exists(candidate); i++) {
            candidate = file.resolveSibling(file.getFileName() + "." + kind + "." + stamp + "-" + i);
        }
        return candidate;
    }
}
