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

/** {@code pm2.start}: starts a script or an ecosystem file and waits until its processes are online and stable. */
public final class Pm2StartStep implements StepType {
    @Override
    public String name() {
        return "pm2.start";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "pm2 start a script or ecosystem file, then wait until every instance is online and stays up";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.optional("script", Type.STRING, null, "the script to start; give it or ecosystem"),
                Pm2Apps.ECOSYSTEM,
                Pm2Apps.ONLY,
                Pm2Apps.NAME,
                Pm2Apps.ENV,
                ParamSpec.optional("instances", Type.INT, null, "-i: number of instances (cluster mode)"),
                Pm2Cli.PM2,
                Pm2Cli.PM2_HOME,
                Pm2Cli.WAIT);
    }

    @Override
    public List<OutputSpec> outputs() {
        List<OutputSpec> out = new ArrayList<>(Pm2Apps.OUTPUTS);
        out.add(OutputSpec.of("created", Type.LIST, "apps pm2 did not know before (undo deletes them)"));
        out.add(OutputSpec.of("already_online", Type.LIST, "apps that were online before (pm2 restarted them)"));
        return out;
    }

    @Override
    public String describe(Args args) {
        String what = args.has("script")
                ? args.show("script") + (args.has("name") ? " --name " + args.show("name") : "")
                : Pm2Apps.show(args);
        String instances = args.has("instances") ? " -i " + args.show("instances") : "";
        return "pm2 start " + what + instances + ", then wait until " + Pm2Apps.which(args) + " is online"
                + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        if (args.has("script") == args.has("ecosystem")) {
            return StepResult.failed("pm2.start needs exactly one of script or ecosystem");
        }
        Pm2Cli pm2 = new Pm2Cli(args, context);
        try {
            List<Pm2Process> before = pm2.list();
            List<String> argv = new ArrayList<>(List.of("start"));
            if (args.has("script")) {
                argv.add(context.resolve(args.string("script")).toString());
                if (args.has("name")) {
                    argv.addAll(List.of("--name", args.string("name")));
                }
            } else {
                argv.addAll(Pm2Apps.target(
                        args, context.resolve(args.string("ecosystem")).toString()));
            }
            if (args.has("instances")) {
                argv.addAll(List.of("-i", String.valueOf(args.integer("instances"))));
            }
            ProcessResult r = pm2.action(argv);
            if (!r.ok()) {
                return StepResult.failed(
                        pm2.display(argv) + " failed (exit " + r.exitCode() + "): " + context.redact(r.lastLine()));
            }
            List<String> names = Pm2Apps.names(args, before, pm2.list());
            if (names.isEmpty()) {
                return StepResult.failed(pm2.display(argv) + " started nothing: " + context.redact(r.lastLine()));
            }
            List<Pm2Process> now = new Pm2Wait(pm2, args.duration("wait")).online(names, Pm2Wait.byId(before), -1);
            Map<String, Object> out =
                    Pm2Apps.outputs(names, now, context.clock().millis());
            List<Object> created = new ArrayList<>();
            List<Object> wasOnline = new ArrayList<>();
            for (String n : names) {
                List<Pm2Process> old =
                        before.stream().filter(p -> p.name().equals(n)).toList();
                if (old.isEmpty()) {
                    created.add(n);
                } else if (old.stream().allMatch(Pm2Process::online)) {
                    wasOnline.add(n);
                }
            }
            out.put("created", created);
            out.put("already_online", wasOnline);
            return StepResult.ok(out);
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
        return "pm2 delete the apps this step created, pm2 stop the ones it started from stopped"
                + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) throws InterruptedException {
        Pm2Cli pm2 = new Pm2Cli(args, context);
        Pm2Wait wait = new Pm2Wait(pm2, args.duration("wait"));
        List<?> created = (List<?>) outputs.getOrDefault("created", List.of());
        List<?> wasOnline = (List<?>) outputs.getOrDefault("already_online", List.of());
        Map<String, Object> done = new LinkedHashMap<>();
        try {
            for (Object n : (List<?>) outputs.getOrDefault("names", List.of())) {
                String name = String.valueOf(n);
                if (created.contains(name)) {
                    pm2.action(List.of("delete", name));
                    wait.gone(List.of(name));
                    done.put(name, "deleted");
                } else if (!wasOnline.contains(name)) {
                    pm2.action(List.of("stop", name));
                    wait.stopped(List.of(name));
                    done.put(name, "stopped");
                }
            }
            return StepResult.ok(Map.of("undone", done));
        } catch (Pm2Cli.Pm2Failure e) {
            return StepResult.failed(e.getMessage());
        }
    }
}
