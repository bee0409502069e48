package dev.runbook.engine;

import dev.runbook.expr.Env;
import dev.runbook.expr.EvalException;
import dev.runbook.expr.Evaluator;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.plan.ArgBinder;
import dev.runbook.spi.Args;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The runbook's own verifies after the main steps: each probe runs (and re-runs while polling) until it holds. */
final class FinalVerifier {
    private final StepRunner runner;
    private final Interpreter.RunState state;
    private final RunListener listener;
    private final StepRegistry registry;
    private final BooleanSupplier cancelled;

    FinalVerifier(
            StepRunner runner,
            Interpreter.RunState state,
            RunListener listener,
            StepRegistry registry,
            BooleanSupplier cancelled) {
        this.runner = runner;
        this.state = state;
        this.listener = listener;
        this.registry = registry;
        this.cancelled = cancelled;
    }

    /** Null when every verify holds, else the failed one as an attempt named {@code verify:<name>}. */
    Attempt verify(List<Verify> verifies) {
        for (Verify v : verifies) {
            String failure = check(v);
            String id = "verify:" + v.name();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", v.name());
            data.put("expect", ExprPrinter.print(v.condition()));
            data.put("ok", failure == null);
            if (failure != null) {
                data.put("message", runner.context(id).redact(failure));
            }
            listener.on(runner.event("verify", id, data));
            if (failure != null) {
                StepOutcome o = new StepOutcome(
                        id, StepStatus.FAILED, Map.of(), runner.context(id).redact(failure), 1, Duration.ZERO);
                return new Attempt(
                        o, cancelled.getAsBoolean() ? Attempt.Failure.INTERRUPTED : Attempt.Failure.FAILED, null, null);
            }
        }
        return null;
    }

    private String check(Verify v) {
        Env env = state.env(null);
        try {
            long deadline = System.nanoTime()
                    + (v.within() == null ? 0 : ((Duration) Evaluator.eval(v.within(), env)).toNanos());
            Duration every = v.every() == null ? Duration.ofSeconds(1) : (Duration) Evaluator.eval(v.every(), env);
            String last = null;
            while (true) {
                Map<String, Object> it = Map.of();
                if (v.probe() != null) {
                    StepType type = registry.find(v.probe().type()).orElseThrow();
                    Args args = ArgBinder.bind(type, v.probe(), env);
                    StepResult r = type.execute(args, runner.context("verify:" + v.name()));
                    it = r.outputs();
                    last = r.isOk() ? null : r.message();
                }
                if (last == null
                        && Evaluator.test(v.condition(), v.probe() == null ? state.env(null) : env.with("it", it))) {
                    return null;
                }
                if (System.nanoTime() >= deadline || cancelled.getAsBoolean()) {
                    String why = last != null ? last : ExprPrinter.print(v.condition()) + " is false";
                    return "verify \"" + v.name() + "\" failed: " + why
                            + (v.within() == null ? "" : " (after " + ExprPrinter.print(v.within()) + ")");
                }
                Thread.sleep(Math.max(1, every.toMillis()));
            }
        } catch (EvalException e) {
            return "verify \"" + v.name() + "\" cannot be evaluated: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
