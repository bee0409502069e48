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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code pm2.delete}: removes an app (or an ecosystem file's apps) from pm2 and waits until it is gone. */
public final class Pm2DeleteStep implements StepType {
    @Override
    public String name() {
        return "pm2.delete";
    }

    @Override
    public String summary() {
        return "pm2 delete an app or an ecosystem file's apps, then wait until pm2 no longer lists them";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.DESTRUCTIVE, Trait.ON_HOST);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(Pm2Apps.NAME, Pm2Apps.ECOSYSTEM, Pm2Apps.ONLY, Pm2Cli.PM2, Pm2Cli.PM2_HOME, Pm2Cli.WAIT);
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(OutputSpec.of("names", Type.LIST, "the apps deleted"));
    }

    @Override
    public String describe(Args args) {
        return "pm2 delete " + Pm2Apps.show(args) + " (no undo: its pm2 settings are gone)" + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        if (!args.has("name") && !args.has("ecosystem")) {
            return StepResult.failed("pm2.delete needs name or ecosystem");
        }
        Pm2Cli pm2 = new Pm2Cli(args, context);
        try {
            List<Pm2Process> before = pm2.list();
            String file = args.has("ecosystem")
                    ? context.resolve(args.string("ecosystem")).toString()
                    : null;
            List<String> argv = new ArrayList<>(List.of("delete"));
            argv.addAll(Pm2Apps.target(args, file));
            ProcessResult r = pm2.action(argv);
            if (!r.ok()) {
                return StepResult.failed(pm2.display(argv) + " failed (exit " + r.exitCode() + "): "
                        + context.redact(r.lastLine()) + " (known apps: " + Pm2ListStep.names(before) + ")");
            }
            List<String> names = new ArrayList<>();
            List<String> left = Pm2ListStep.names(pm2.list());
            if (args.has("name")) {
                names.add(args.string("name"));
            } else {
                Pm2ListStep.names(before).stream()
                        .filter(n -> !left.contains(n))
                        .forEach(names::add);
            }
            new Pm2Wait(pm2, args.duration("wait")).gone(names);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("names", names);
            return StepResult.ok(out);
        } catch (Pm2Cli.Pm2Failure e) {
            return StepResult.failed(e.getMessage());
        }
    }
}
