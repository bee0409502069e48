package dev.runbook.stdlib.nginx;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code nginx.stop}: graceful {@code -s quit}, then wait until the master has exited; undo starts it again. */
public final class NginxStopStep implements StepType {
    @Override
    public String name() {
        return "nginx.stop";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "nginx -s quit (graceful) and wait until the master exits; does nothing if it is not running";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return NginxBinary.RUNTIME_PARAMS;
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("master_pid", Type.INT, "the master that was stopped, 0 if none ran"),
                OutputSpec.of("stopped", Type.BOOL, "false when it was not running"));
    }

    @Override
    public String describe(Args args) {
        return NginxBinary.show(args) + " -s quit, then wait up to " + args.show("wait") + " until the master exits";
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        NginxBinary nginx = new NginxBinary(args, context);
        try {
            long master = nginx.master(nginx.paths(args)[0]);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("master_pid", master);
            out.put("stopped", master != 0);
            if (master == 0) {
                context.log("nginx is not running: nothing to stop");
                return StepResult.ok(out);
            }
            ProcessResult r = nginx.run("-s", "quit");
            if (!r.ok()) {
                return StepResult.failed(
                        "nginx -s quit failed (exit " + r.exitCode() + "): " + context.redact(r.lastLine()));
            }
            long deadline = System.nanoTime() + args.duration("wait").toNanos();
            while (nginx.alive(master)) {
                if (System.nanoTime() > deadline) {
                    return StepResult.failed("nginx master " + master + " is still running after "
                            + args.duration("wait").toSeconds() + "s of a graceful quit (long requests?)");
                }
                Thread.sleep(100);
            }
            return StepResult.ok(out);
        } catch (NginxBinary.NginxFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return NginxBinary.show(args) + " (start it again), if this step stopped it";
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) throws InterruptedException {
        if (Boolean.FALSE.equals(outputs.get("stopped"))) {
            return StepResult.ok();
        }
        return new NginxStartStep().execute(args, context);
    }
}
