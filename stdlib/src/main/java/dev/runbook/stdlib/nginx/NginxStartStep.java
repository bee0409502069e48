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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code nginx.start}: starts nginx (a no-op when its master is already running); undo stops it. */
public final class NginxStartStep implements StepType {
    @Override
    public String name() {
        return "nginx.start";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "Start nginx and wait until its master has workers; does nothing if it already runs";
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
                OutputSpec.of("master_pid", Type.INT, "the master's pid"),
                OutputSpec.of("workers", Type.LIST, "the worker pids"),
                OutputSpec.of("started", Type.BOOL, "false when it was already running"));
    }

    @Override
    public String describe(Args args) {
        return NginxBinary.show(args) + " (start, unless a master already runs), then wait until it has workers";
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        NginxBinary nginx = new NginxBinary(args, context);
        try {
            NginxBinary.TestOutcome t = nginx.test();
            if (!t.ok()) {
                return StepResult.failed("nginx -t failed, nginx was not started: " + NginxTestStep.where(t));
            }
            String pidFile = nginx.paths(args)[0];
            long master = nginx.master(pidFile);
            boolean started = master == 0;
            if (started) {
                ProcessResult r = nginx.run();
                if (!r.ok()) {
                    return StepResult.failed(
                            "nginx did not start (exit " + r.exitCode() + "): " + context.redact(r.lastLine()));
                }
            }
            long deadline = System.nanoTime() + args.duration("wait").toNanos();
            while (true) {
                master = nginx.master(pidFile);
                List<Object> workers = master == 0 ? List.of() : new ArrayList<>(nginx.workers(master));
                if (!workers.isEmpty()) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("master_pid", master);
                    out.put("workers", workers);
                    out.put("started", started);
                    return StepResult.ok(out);
                }
                if (System.nanoTime() > deadline) {
                    return StepResult.failed("nginx started but no master with workers appeared (pid file " + pidFile
                            + "); check its error log");
                }
                Thread.sleep(100);
            }
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
        return NginxBinary.show(args) + " -s quit, if this step started it";
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) throws InterruptedException {
        if (Boolean.FALSE.equals(outputs.get("started"))) {
            return StepResult.ok();
        }
        return new NginxStopStep().execute(args, context);
    }
}
