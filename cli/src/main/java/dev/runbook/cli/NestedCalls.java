package dev.runbook.cli;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.engine.Approver;
import dev.runbook.engine.Event;
import dev.runbook.engine.Interpreter;
import dev.runbook.engine.RunListener;
import dev.runbook.engine.RunOptions;
import dev.runbook.engine.RunResult;
import dev.runbook.engine.RunStatus;
import dev.runbook.expr.Env;
import dev.runbook.model.Invocation;
import dev.runbook.plan.BoundParams;
import dev.runbook.plan.ParamBinder;
import dev.runbook.plan.Program;
import dev.runbook.plan.Redactor;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a called runbook in the same process, with the same listeners, approvals and secrets. */
final class NestedCalls implements dev.runbook.engine.CallRunner {
    private final Services services;
    private final Target target;
    private final Approver approver;
    private final RunListener listener;
    private final Redactor redactor;
    private final RunOptions options;
    private final AtomicBoolean cancel;
    private Rollout rollout;

    NestedCalls(
            Services services,
            Target target,
            Approver approver,
            RunListener listener,
            Redactor redactor,
            RunOptions options,
            AtomicBoolean cancel) {
        this.services = services;
        this.target = target;
        this.approver = approver;
        this.listener = listener;
        this.redactor = redactor;
        this.options = options;
        this.cancel = cancel;
    }

    /** Runs {@code on} blocks with this rollout (without one, a block is refused). */
    NestedCalls withRollout(Rollout hosts) {
        this.rollout = hosts;
        return this;
    }

    @Override
    public StepResult hosts(Program block, dev.runbook.expr.Env outer, StepContext context)
            throws InterruptedException {
        if (rollout == null) {
            return StepResult.refused("steps on hosts cannot run inside a called runbook");
        }
        return rollout.run(block, outer, context);
    }

    @Override
    public boolean undoHosts(String blockId) {
        return rollout == null || rollout.undoFinished(blockId);
    }

    @Override
    public StepResult call(Program callee, Invocation invocation, Map<String, Object> params, StepContext context)
            throws InterruptedException {
        if (callee == null) {
            return StepResult.refused("the plan holds no runbook for call " + invocation.target()
                    + " (it was not read when the plan was made)");
        }
        Diagnostics diagnostics = new Diagnostics();
        Env env = new Env(Map.of(), options.clock(), callee.dir(), options.environment(), false);
        BoundParams bound = ParamBinder.bind(callee.runbook(), params, env, redactor, diagnostics);
        if (diagnostics.hasErrors()) {
            return StepResult.refused("cannot call " + invocation.target() + ": "
                    + diagnostics.sorted().get(0).message());
        }
        String callId = context.stepId();
        RunOptions child = new RunOptions(
                options.parallel(),
                callee.dir(),
                options.environment(),
                options.clock(),
                options.runId() + "/" + callId);
        RunListener nested = nested(callId);
        Approver asks = new Approver() {
            @Override
            public boolean canAsk(String stepId) {
                return approver.canAsk(callId + "/" + stepId);
            }

            @Override
            public boolean approve(String stepId, String question) throws InterruptedException {
                return approver.approve(callId + "/" + stepId, question);
            }
        };
        // A flag of its own: the called run stops when this thread is interrupted (a Ctrl-C of the caller interrupts
        // its running steps; so does the call step's time limit), and stopping it must not cancel the caller, which
        // still has to undo and report a call that ran out of time.
        AtomicBoolean stop = new AtomicBoolean(cancel.get());
        NestedCalls deeper = new NestedCalls(services, target, asks, nested, redactor, options, stop);
        Interpreter interpreter = new Interpreter(services.registry(), target, asks, nested, deeper, redactor);
        RunResult result = interpreter.run(callee, bound, child, stop);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
        outputs.put("runbook", callee.runbook().name());
        outputs.put("message", result.message());
        if (result.status() == RunStatus.OK) {
            return StepResult.ok(outputs);
        }
        // the called runbook undid its own steps already: the call itself left nothing more to undo
        boolean undone = result.status() != RunStatus.UNDO_FAILED;
        return new StepResult(
                StepResult.Status.FAILED,
                outputs,
                "called runbook " + callee.runbook().name() + " " + result.message(),
                undone);
    }

    /** Events of the called runbook, its steps addressed as {@code call_id/step_id}. */
    private RunListener nested(String callId) {
        return e -> {
            String kind = switch (e.kind()) {
                case "run-start" -> "call-start";
                case "run-end" -> "call-end";
                default -> e.kind();
            };
            String step = e.step() == null ? callId : callId + "/" + e.step();
            listener.on(new Event(kind, step, e.time(), e.data()));
        };
    }
}
