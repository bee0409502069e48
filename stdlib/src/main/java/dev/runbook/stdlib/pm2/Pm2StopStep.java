package dev.runbook.stdlib.pm2;

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

/** {@code pm2.stop}: stops an app (or an ecosystem file's apps) and waits until pm2 reports them stopped. */
public final class Pm2StopStep implements StepType {
    @Override
    public String name() {
        return "pm2.stop";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "pm2 stop an app or an ecosystem file's apps, then wait until they are stopped; undo starts them";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(Pm2Apps.NAME, Pm2Apps.ECOSYSTEM, Pm2Apps.ONLY, Pm2Cli.PM2, Pm2Cli.PM2_HOME, Pm2Cli.WAIT);
    }

    @Override
    public List<OutputSpec> outputs() {
        return Pm2Apps.OUTPUTS;
    }

    @Override
    public String describe(Args args) {
        return "pm2 stop " + Pm2Apps.show(args) + ", then wait until " + Pm2Apps.which(args) + " is stopped"
                + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        if (!args.has("name") && !args.has("ecosystem")) {
            return StepResult.failed("pm2.stop needs name or ecosystem");
        }
        Pm2Cli pm2 = new Pm2Cli(args, context);
        try {
            List<Pm2Process> before = pm2.list();
            String file = args.has("ecosystem")
                    ? context.resolve(args.string("ecosystem")).toString()
                    : null;
            List<String> argv = new ArrayList<>(List.of("stop"));
            argv.addAll(Pm2Apps.target(args, file));
            ProcessResult r = pm2.action(argv);
            if (!r.ok()) {
                return StepResult.failed(pm2.display(argv) + " failed (exit " + r.exitCode() + "): "
                        + context.redact(r.lastLine()) + " (known apps: " + Pm2ListStep.names(before) + ")");
            }
            List<String> names = Pm2Apps.names(args, before, pm2.list());
            List<Pm2Process> now = new Pm2Wait(pm2, args.duration("wait")).stopped(names);
            return StepResult.ok(Pm2Apps.outputs(names, now, context.clock().millis()));
        } catch (Pm2Cli.Pm2Failure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return "pm2 start the stopped apps by name, then wait until they are online" + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) throws InterruptedException {
        Pm2Cli pm2 = new Pm2Cli(args, context);
        try {
            List<String> names = new ArrayList<>();
            ((List<?>) outputs.getOrDefault("names", List.of())).forEach(n -> names.add(String.valueOf(n)));
            List<Pm2Process> before = pm2.list(names);
            for (String name : names) {
                pm2.action(List.of("start", name));
            }
            List<Pm2Process> now = new Pm2Wait(pm2, args.duration("wait")).online(names, Pm2Wait.byId(before), -1);
            return StepResult.ok(Pm2Apps.outputs(names, now, context.clock().millis()));
        } catch (Pm2Cli.Pm2Failure e) {
            return StepResult.failed(e.getMessage());
        }
    }
}
