package dev.runbook.engine;

import dev.runbook.expr.EvalException;
import dev.runbook.model.Step;
import dev.runbook.plan.ArgBinder;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compensates steps in reverse order of completion (a saga): those that completed, those whose verify failed, and
 * those that failed part-way (started, then failed, timed out or were cancelled, without their type saying that
 * they changed nothing). Each gets the step's own {@code undo}, else its type's default undo; read steps need
 * none; a write step with neither is reported, not silently passed over.
 */
final class Undoer {
    private final StepRunner runner;
    private final Interpreter.RunState state;
    private final RunListener listener;
    private final StepRegistry registry;

    Undoer(StepRunner runner, Interpreter.RunState state, RunListener listener, StepRegistry registry) {
        this.runner = runner;
        this.state = state;
        this.listener = listener;
        this.registry = registry;
    }

    /** True when every undo that was needed worked. */
    boolean undoAll() {
        List<Attempt> done = state.completed();
        boolean ok = true;
        for (int i = done.size() - 1; i >= 0; i--) {
            ok &= undo(done.get(i));
        }
        return ok;
    }

    private boolean undo(Attempt a) {
        String id = a.outcome().id();
        Step step = state.runbookStep(id);
        Map<String, Object> outputs = a.outcome().outputs();
        StepResult result;
        String describe;
        try {
            if (step.undo() != null) {
                StepType type = registry.find(step.undo().type()).orElseThrow();
                Args args = ArgBinder.bind(type, step.undo(), state.env(id).with("it", outputs));
                describe = type.describe(args);
                announce(id, describe);
                result = type.execute(args, runner.context(id));
            } else if (a.partial() && a.type() != null && a.type().hasUndo() && outputs.isEmpty()) {
                notice(
                        id,
                        "step " + id + " failed part-way and reported nothing its undo could work from; "
                                + "check what it left");
                return true;
            } else if (a.type() != null && a.type().hasUndo() && a.args() == null) {
                result = StepResult.failed("its arguments from an earlier attempt of this run cannot be rebuilt");
                describe = "undo " + a.type().name();
            } else if (a.type() != null && a.type().hasUndo()) {
                describe = a.type().describeUndo(a.args());
                announce(id, describe);
                result = a.type().undo(a.args(), outputs, runner.context(id));
            } else if (a.type() == null && runner.onHosts(id)) {
                describe = "undo block " + id + " on every host it finished on";
                announce(id, describe);
                result = runner.undoHosts(id)
                        ? StepResult.ok(Map.of())
                        : StepResult.failed("the undo of a host failed (see its events)");
            } else {
                if (a.type() != null && a.type().effect() != Effect.READ) {
                    notice(
                            id,
                            "step " + id + " (" + a.type().name() + ") has no undo; what it did"
                                    + (a.partial() ? " before it failed" : "") + " stays");
                }
                return true;
            }
        } catch (EvalException e) {
            result = StepResult.failed("cannot evaluate the undo: " + e.getMessage());
            describe = "undo";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = StepResult.failed("interrupted during undo");
            describe = "undo";
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", result.isOk() ? "ok" : "failed");
        data.put("describe", runner.context(id).redact(describe));
        if (!result.isOk()) {
            data.put("message", runner.context(id).redact(String.valueOf(result.message())));
        }
        listener.on(runner.event("undo", id, data));
        StepOutcome o = a.outcome();
        state.replace(
                id,
                new StepOutcome(
                        id,
                        result.isOk() ? StepStatus.UNDONE : StepStatus.UNDO_FAILED,
                        o.outputs(),
                        result.isOk() ? o.message() : result.message(),
                        o.attempts(),
                        o.duration()));
        return result.isOk();
    }

    private void announce(String id, String describe) {
        listener.on(runner.event(
                "undo-start", id, Map.of("describe", runner.context(id).redact(describe))));
    }

    private void notice(String id, String message) {
        listener.on(runner.event("notice", id, Map.of("message", message)));
    }
}
