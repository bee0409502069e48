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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code nginx.config.restore}: puts a config file in place, tests it and reloads; if the test or the reload fails,
 * the previous file goes back and nginx keeps serving the old configuration.
 */
public final class NginxConfigRestoreStep implements StepType {
    @Override
    public String name() {
        return "nginx.config.restore";
    }

    @Override
    public String summary() {
        return "Copy a config into place, nginx -t, reload with proof; on failure put the previous file back";
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
        List<ParamSpec> out = new ArrayList<>(List.of(
                ParamSpec.required("from", Type.STRING, "the config to restore (e.g. a .backup.<stamp> file)"),
                ParamSpec.required("to", Type.STRING, "the live config file it replaces"),
                ParamSpec.optional("reload", Type.BOOL, true, "reload nginx afterwards (false: only test)")));
        out.addAll(NginxBinary.RUNTIME_PARAMS);
        return out;
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("previous", Type.STRING, "a copy of the file that was in place (undo restores it)"),
                OutputSpec.of("master_pid", Type.INT, "nginx's master pid, 0 when not reloaded"),
                OutputSpec.of("new_workers", Type.LIST, "workers started by the reload"));
    }

    @Override
    public String describe(Args args) {
        String nginx = NginxBinary.show(args);
        boolean reload = !args.isKnown("reload") || args.bool("reload");
        return "cp " + args.show("to") + " " + args.show("to") + ".before-restore.<stamp>; cp " + args.show("from")
                + " " + args.show("to") + "; " + nginx + " -t"
                + (reload ? "; " + nginx + " -s reload and wait for new workers" : "")
                + " (on failure the previous file is put back)";
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        Path from = context.resolve(args.string("from"));
        Path to = context.resolve(args.string("to"));
        if (!Files.isRegularFile(from)) {
            return StepResult.refused("no config to restore at " + from);
        }
        Path previous = null;
        try {
            if (Files.exists(to)) {
                previous = NginxConfigBackupStep.backupPath(to, "before-restore", context);
                Files.copy(to, previous, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return StepResult.failed("cannot copy " + from + " to " + to + ": " + e + " (check permissions)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("previous", previous == null ? "" : previous.toString());
        out.put("master_pid", 0L);
        out.put("new_workers", List.of());
        NginxBinary nginx = new NginxBinary(args, context);
        try {
            NginxBinary.TestOutcome t = nginx.test();
            if (!t.ok()) {
                return putBack(
                        previous,
                        to,
                        "the config from " + from + " fails nginx -t: " + NginxTestStep.where(t)
                                + "; nginx was not reloaded and still serves the old configuration");
            }
            if (args.bool("reload")) {
                Map<String, Object> reloaded = new NginxReloader(nginx, args, context).reload();
                out.put("master_pid", reloaded.get("master_pid"));
                out.put("new_workers", reloaded.get("new_workers"));
            }
            return StepResult.ok(out);
        } catch (NginxBinary.NginxFailure e) {
            return putBack(previous, to, "restoring " + from + " failed: " + e.getMessage());
        }
    }

    private static StepResult putBack(Path previous, Path to, String why) {
        try {
            if (previous == null) {
                Files.deleteIfExists(to);
                return StepResult.failed(why + "; removed " + to + " (there was no file before)");
            }
            Files.copy(previous, to, StandardCopyOption.REPLACE_EXISTING);
            return StepResult.failed(
                    why + "; put the previous file back at " + to + " (copy kept at " + previous + ")");
        } catch (IOException e) {
            return StepResult.failed(why + "; AND putting the previous file back failed: " + e + " — copy " + previous
                    + " to " + to + " by hand");
        }
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return "restore the previous " + args.show("to") + " the same way (copy, nginx -t, reload)";
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) throws InterruptedException {
        String previous = String.valueOf(outputs.getOrDefault("previous", ""));
        if (previous.isEmpty()) {
            return StepResult.failed("nothing to undo: there was no file at " + args.show("to") + " before");
        }
        Map<String, Object> values = new LinkedHashMap<>(args.asMap());
        values.put("from", previous);
        return execute(Args.of(values), context);
    }
}
