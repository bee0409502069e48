package dev.runbook.stdlib.pm2;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pm2.reload} and {@code pm2.restart}: the pm2 action, then wait until every process is online with a new pid
 * or restart count. The two differ only in the command pm2 runs (reload is zero-downtime in cluster mode).
 */
public final class Pm2CycleStep implements StepType {
    private final String action;

    public Pm2CycleStep(String action) {
        this.action = action;
    }

    @Override
    public String name() {
        return "pm2." + action;
    }

    @Override
    public String summary() {
        return "pm2 " + action
                + " an app or ecosystem file, then wait until every instance is online again and stays up";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.RELOAD, Trait.ON_HOST);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                Pm2Apps.NAME,
                Pm2Apps.ECOSYSTEM,
                Pm2Apps.ONLY,
                Pm2Apps.ENV,
                ParamSpec.optional("update_env", Type.BOOL, false, "--update-env: take the current environment"),
                Pm2Cli.PM2,
                Pm2Cli.PM2_HOME,
                Pm2Cli.WAIT);
    }

    @Override
    public List<OutputSpec> outputs() {
        return Pm2Apps.OUTPUTS;
    }

    @Override
    public String describe(Args args) {
        String update = args.isKnown("update_env") && args.bool("update_env") ? " --update-env" : "";
        return "pm2 " + action + " " + Pm2Apps.show(args) + update + ", then wait until " + Pm2Apps.which(args)
                + " is online" + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        if (!args.has("name") && !args.has("ecosystem")) {
            return StepResult.failed("pm2." + action + " needs name or ecosystem");
        }
        if (args.has("env") && !args.has("ecosystem")) {
            return StepResult.failed("pm2." + action + ": env needs an ecosystem file (pm2 ignores --env without one)");
        }
        Pm2Cli pm2 = new Pm2Cli(args, context);
        try {
            List<Pm2Process> before = pm2.list();
            String file = args.has("ecosystem")
                    ? context.resolve(args.string("ecosystem")).toString()
                    : null;
            List<String> argv = new ArrayList<>(List.of(action));
            argv.addAll(Pm2Apps.target(args, file));
            if (args.bool("update_env")) {
                argv.add("--update-env");
            }
            ProcessResult r = pm2.action(argv);
            if (!r.ok()) {
                return StepResult.failed(pm2.display(argv) + " failed (exit " + r.exitCode() + "): "
                        + context.redact(r.lastLine()) + " (known apps: " + Pm2ListStep.names(before) + ")");
            }
            List<String> names = Pm2Apps.names(args, before, pm2.list());
            if (names.isEmpty()) {
                return StepResult.failed(pm2.display(argv) + " changed no process: " + context.redact(r.lastLine()));
            }
            List<Pm2Process> now = new Pm2Wait(pm2, args.duration("wait")).online(names, Pm2Wait.byId(before), -1);
            Map<String, Object> out =
                    Pm2Apps.outputs(names, now, context.clock().millis());
            return StepResult.ok(out);
        } catch (Pm2Cli.Pm2Failure e) {
            return StepResult.failed(e.getMessage());
        }
    }
}
