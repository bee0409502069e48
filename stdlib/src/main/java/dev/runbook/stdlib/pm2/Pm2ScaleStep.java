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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code pm2.scale}: sets an app's instance count; equal to the current count is a no-op; undo scales back. */
public final class Pm2ScaleStep implements StepType {
    @Override
    public String name() {
        return "pm2.scale";
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
                ParamSpec.required("instances", Type.INT, "how many processes it should have (at least 1)"),
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
        return "pm2 scale " + args.show("name") + " " + args.show("instances") + ", then wait until "
                + args.show("instances") + " instances are online (no-op if it has that many)" + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        return scale(args, args.integer("instances"), context);
    }

    private StepResult scale(Args args, long target, StepContext context) throws InterruptedException {
        String name = args.string("name");
        if (target < 1) {
            return StepResult.failed(
                    "pm2.scale: instances must be at least 1 (got " + target + "); use pm2.stop to stop the app");
        }
        Pm2Cli pm2 = new Pm2Cli(args, context);
        try {
            List<Pm2Process> before = pm2.list(List.of(name));
            if (before.isEmpty()) {
                return StepResult.failed("pm2 has no app named " + name + " (check pm2_home / PM2_HOME)");
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
                            pm2.display(argv) + " failed (exit " + r.exitCode() + "): " + context.redact(r.lastLine()));
                }
                now = new Pm2Wait(pm2, args.duration("wait"))
                        .online(List.of(name), Pm2Wait.byId(before), (int) target, false);
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
