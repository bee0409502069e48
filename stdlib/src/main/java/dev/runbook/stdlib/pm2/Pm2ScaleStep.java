package dev.runbook.stdlib.pm2;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Command;
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

/**
 * {@code pm2.scale}: sets an app's instance count; equal to the current count is a no-op; undo scales back. The
 * count is a number or {@code "max"}, one process per CPU of the target as pm2's {@code instances: "max"} means it:
 * {@code pm2 scale} itself takes no {@code max}, so the count is worked out here and pm2 is given a number.
 */
public final class Pm2ScaleStep implements StepType {
    @Override
    public String name() {
        return "pm2.scale";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "pm2 scale an app to n instances and wait until n are online; undo scales back";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("name", Type.STRING, "the app name"),
                ParamSpec.required(
                        "instances",
                        Type.ANY,
                        "how many processes it should have: a number (at least 1) or \"max\" (one per CPU)"),
                Pm2Cli.PM2,
                Pm2Cli.PM2_HOME,
                Pm2Cli.WAIT);
    }

    @Override
    public List<OutputSpec> outputs() {
        List<OutputSpec> out = new ArrayList<>(Pm2Apps.OUTPUTS);
        out.add(OutputSpec.of("previous", Type.INT, "the instance count before"));
        out.add(OutputSpec.of("instances", Type.INT, "the instance count now"));
        out.add(OutputSpec.of("changed", Type.BOOL, "false when it already had that many (nothing was done)"));
        return out;
    }

    @Override
    public String describe(Args args) {
        String count = "max".equals(args.get("instances")) ? "max (one per CPU)" : args.show("instances");
        return "pm2 scale " + args.show("name") + " " + count + ", then wait until that many instances are online"
                + " (no-op if it has that many)" + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        Object wanted = args.get("instances");
        if (wanted instanceof Number n) {
            return scale(args, n.longValue(), context);
        }
        String text = String.valueOf(wanted).strip();
        if (text.matches("[0-9]+")) {
            return scale(args, Long.parseLong(text), context);
        }
        if (!text.equals("max")) {
            return StepResult.refused("pm2.scale: instances must be a number or \"max\" (got \"" + text + "\")");
        }
        long cpus = cpus(context);
        if (cpus < 1) {
            return StepResult.refused(
                    "pm2.scale: cannot tell how many CPUs the target has (getconf _NPROCESSORS_ONLN)");
        }
        context.log("max: " + cpus + " CPU(s) on the target");
        return scale(args, cpus, context);
    }

    /** The target's online CPUs, as {@code os.cpus().length} in pm2 would count them; 0 when unknown. */
    static long cpus(StepContext context) throws InterruptedException {
        try {
            ProcessResult r = context.target().run(Command.of("getconf", "_NPROCESSORS_ONLN"));
            String out = r.stdout().strip();
            return r.ok() && out.matches("[0-9]+") ? Long.parseLong(out) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private StepResult scale(Args args, long target, StepContext context) throws InterruptedException {
        String name = args.string("name");
        if (target < 1) {
            return StepResult.refused(
                    "pm2.scale: instances must be at least 1 (got " + target + "); use pm2.stop to stop the app");
        }
        Pm2Cli pm2 = new Pm2Cli(args, context);
        try {
            List<Pm2Process> before = pm2.list(List.of(name));
            if (before.isEmpty()) {
                return StepResult.refused("pm2 has no app named " + name + " (check pm2_home / PM2_HOME)");
            }
            long previous = before.size();
            List<Pm2Process> now = before;
            if (previous == target) {
                context.log(name + " already has " + target + " instance(s): nothing to do");
            } else {
                List<String> argv = List.of("scale", name, String.valueOf(target));
                ProcessResult r = pm2.action(argv);
                if (!r.ok()) {
                    return StepResult.failed(
                            pm2.display(argv) + " failed (exit " + r.exitCode() + "): " + context.redact(r.lastLine()),
                            Map.of("previous", previous));
                }
                try {
                    now = new Pm2Wait(pm2, args.duration("wait"))
                            .online(List.of(name), Pm2Wait.byId(before), (int) target, false);
                } catch (Pm2Cli.Pm2Failure e) {
                    // part-way: the undo scales back to the count it found
                    return StepResult.failed(e.getMessage(), Map.of("previous", previous));
                }
            }
            Map<String, Object> out =
                    Pm2Apps.outputs(List.of(name), now, context.clock().millis());
            out.put("previous", previous);
            out.put("instances", (long) now.size());
            out.put("changed", previous != target);
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
        return "pm2 scale " + args.show("name") + " back to its previous instance count" + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) throws InterruptedException {
        Object previous = outputs.get("previous");
        if (!(previous instanceof Number n)) {
            return StepResult.failed("pm2.scale undo: the step recorded no previous instance count");
        }
        return scale(args, n.longValue(), context);
    }
}
