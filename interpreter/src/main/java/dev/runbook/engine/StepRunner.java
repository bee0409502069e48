package dev.runbook.engine;

import dev.runbook.expr.Env;
import dev.runbook.expr.EvalException;
import dev.runbook.expr.Evaluator;
import dev.runbook.model.Guard;
import dev.runbook.model.Invocation;
import dev.runbook.model.Step;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.plan.ArgBinder;
import dev.runbook.plan.Program;
import dev.runbook.plan.Redactor;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Target;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Runs one step: when/unless, require (checked right before it runs), confirm, arguments, attempts with
 * timeout and retry, then verify with polling. A step is done only when its verify holds.
 */
final class StepRunner {
    private final Program program;
    private final StepRegistry registry;
    private final CallRunner calls;
    private final Target target;
    private final Redactor redactor;
    private final Approver approver;
    private final RunListener listener;
    private final RunOptions options;
    private final BooleanSupplier cancelled;
    private final ScheduledExecutorService watchdog;
    /** Where a drill's part-way failure was made (at most one step per run is injected). */
    private final List<String> partWayHits = new java.util.concurrent.CopyOnWriteArrayList<>();

    StepRunner(
            Program program,
            StepRegistry registry,
            CallRunner calls,
            Target target,
            Redactor redactor,
            Approver approver,
            RunListener listener,
            RunOptions options,
            BooleanSupplier cancelled,
            ScheduledExecutorService watchdog) {
        this.program = program;
        this.registry = registry;
        this.calls = calls;
        this.target = target;
        this.redactor = redactor;
        this.approver = approver;
        this.listener = listener;
        this.options = options;
        this.cancelled = cancelled;
        this.watchdog = watchdog;
    }

    StepContext context(String stepId) {
        return new EngineContext(stepId, options, target, redactor, approver, listener, cancelled);
    }

    Attempt run(Step step, Env env) {
        long started = System.nanoTime();
        StepType type = registry.find(step.type()).orElse(null);
        try {
            if (step.when() != null && !Evaluator.test(step.when(), env)) {
                return skipped(step, type, "when " + ExprPrinter.print(step.when()) + " is false");
            }
            if (step.unless() != null && Evaluator.test(step.unless(), env)) {
                return skipped(step, type, "already done: " + ExprPrinter.print(step.unless()));
            }
            for (Guard g : step.requires()) {
                if (!Evaluator.test(g.condition(), env)) {
                    String what = Guards.describe(g, env);
                    return notStarted(
                            step, type, Attempt.Failure.PRECONDITION, "precondition not met: " + what, started);
                }
            }
            if (step.confirm() != null) {
                String question = Evaluator.text(Evaluator.eval(step.confirm().message(), env));
                if (!approver.approve(step.id(), redactor.redact(question))) {
                    return notStarted(step, type, Attempt.Failure.REFUSED, "refused by the operator", started);
                }
            }
            Args args = type == null ? null : ArgBinder.bind(type, step.invocation(), env);
            listener.on(event(
                    "step-start", step.id(), Map.of("type", step.type(), "describe", describe(step, type, args))));
            // the step's time is its work: the wait for the operator's answer is not counted
            return attempts(step, type, args, env, System.nanoTime());
        } catch (EvalException e) {
            return notStarted(
                    step, type, Attempt.Failure.FAILED, redactor.redact(location(e) + e.getMessage()), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notStarted(step, type, Attempt.Failure.INTERRUPTED, "interrupted", started);
        }
    }

    private static String location(EvalException e) {
        return e.span() == null ? "" : e.span().path() + ":" + e.span().start() + ": ";
    }

    private String describe(Step step, StepType type, Args args) {
        if (type == null) {
            return "run runbook " + step.invocation().target();
        }
        return redactor.redact(type.describe(args));
    }

    private Attempt attempts(Step step, StepType type, Args args, Env env, long started) throws InterruptedException {
        int max = step.retry() == null
                ? 1
                : (int) ((Number) Evaluator.eval(step.retry().attempts(), env)).longValue();
        Duration delay = step.retry() == null || step.retry().delay() == null
                ? Duration.ofSeconds(1)
                : (Duration) Evaluator.eval(step.retry().delay(), env);
        double backoff = step.retry() == null || step.retry().backoff() == null
                ? 1.0
                : ((Number) Evaluator.eval(step.retry().backoff(), env)).doubleValue();
        Duration timeout = step.timeout() == null ? null : (Duration) Evaluator.eval(step.timeout(), env);
        StepResult result = null;
        boolean ran = false;
        int attempt = 0;
        while (attempt < max) {
            attempt++;
            try {
                result = execute(step, type, args, env, timeout);
            } catch (InterruptedException e) {
                // cancelled while it ran: what it did so far is compensated like any other partial failure
                return end(
                        step, type, args, Attempt.Failure.INTERRUPTED, "interrupted", Map.of(), attempt, started, true);
            }
            ran = result.isOk();
            if (ran) {
                result = verify(step, type, args, env, timeout, result);
            }
            if (result.isOk() || cancelled.getAsBoolean() || attempt == max) {
                break;
            }
            listener.on(event(
                    "notice",
                    step.id(),
                    Map.of(
                            "message",
                            "attempt " + attempt + " of " + max
                                    + " failed: " + redactor.redact(result.message()) + "; retrying in "
                                    + ExprPrinter.duration(delay))));
            sleep(delay);
            delay = Duration.ofMillis((long) (delay.toMillis() * backoff));
        }
        boolean partWay = options.inject().hitsPartWay(step.id()) && !partWayHits.isEmpty();
        boolean injected = partWay || (result.isOk() && options.inject().hits(step.id()));
        if (injected && !partWay) {
            // a drill: the step did its work and now fails like a verify that did not hold, outputs and all
            result = StepResult.failed(Injection.MESSAGE, result.outputs());
        }
        // a step whose verify failed did run: it is undone with the completed steps; so is one that failed
        // part-way, unless its type said that it changed nothing
        Attempt.Failure failure = result.isOk()
                ? Attempt.Failure.NONE
                : cancelled.getAsBoolean()
                        ? Attempt.Failure.INTERRUPTED
                        : ran ? Attempt.Failure.UNVERIFIED : Attempt.Failure.FAILED;
        boolean partial = !result.isOk() && !ran && !result.changedNothing();
        return end(step, type, args, failure, result.message(), result.outputs(), attempt, started, partial, injected);
    }

    /** One execution, with the step's timeout enforced by interrupting it (which kills its process tree). */
    private StepResult execute(Step step, StepType type, Args args, Env env, Duration timeout)
            throws InterruptedException {
        Target where = target;
        if (!target.isLocal() && type != null && type.idempotent()) {
            where = new ReconnectingTarget(
                    target, line -> listener.on(event("notice", step.id(), Map.of("message", redactor.redact(line)))));
        }
        StepContext ctx = options.inject().hitsPartWay(step.id())
                ? new EngineContext(
                        step.id(), options, where, redactor, approver, listener, cancelled, partWayHits::add)
                : new EngineContext(step.id(), options, where, redactor, approver, listener, cancelled);
        return Timeouts.run(watchdog, timeout, () -> {
            if (type == null) {
                Invocation inv = step.invocation();
                Program callee = program.call(step.id());
                if (callee != null && callee.onHosts()) {
                    return calls.hosts(callee, env, ctx);
                }
                return calls.call(program.call(step.id()), inv, ArgBinder.evaluate(inv, env), ctx);
            }
            return type.execute(args, ctx);
        });
    }

    /** True when {@code id} is an {@code on} block of this program. */
    boolean onHosts(String id) {
        Program block = program.call(id);
        return block != null && block.onHosts();
    }

    boolean undoHosts(String id) {
        return calls.undoHosts(id);
    }

    /** Checks every verify; one with {@code within} polls, re-running the step first if it only reads. */
    private StepResult verify(Step step, StepType type, Args args, Env env, Duration timeout, StepResult result)
            throws InterruptedException {
        StepResult current = result;
        for (Verify v : step.verifies()) {
            long deadline = System.nanoTime()
                    + (v.within() == null ? 0 : ((Duration) Evaluator.eval(v.within(), env)).toNanos());
            Duration every = v.every() == null ? Duration.ofSeconds(1) : (Duration) Evaluator.eval(v.every(), env);
            while (true) {
                boolean holds;
                String error = null;
                try {
                    holds = Evaluator.test(v.condition(), env.with("it", current.outputs()));
                } catch (EvalException e) {
                    holds = false;
                    error = e.getMessage();
                }
                listener.on(
                        event("verify", step.id(), Map.of("expect", ExprPrinter.print(v.condition()), "ok", holds)));
                if (holds) {
                    break;
                }
                if (System.nanoTime() >= deadline || cancelled.getAsBoolean()) {
                    String after = v.within() == null ? "" : " after " + ExprPrinter.print(v.within());
                    String why = error != null
                            ? "verify " + ExprPrinter.print(v.condition()) + " could not be evaluated" + after + ": "
                                    + error
                            : "verify failed: " + ExprPrinter.print(v.condition())
                                    + (after.isEmpty() ? "" : " (still false" + after + ")");
                    return StepResult.failed(why + shownOutputs(current), current.outputs());
                }
                sleep(every);
                if (type != null && type.effect() == Effect.READ) {
                    StepResult again = execute(step, type, args, env, timeout);
                    current = again.isOk() ? again : current;
                }
            }
        }
        return current;
    }

    private String shownOutputs(StepResult r) {
        if (r.outputs().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("; it = {");
        int n = 0;
        for (Map.Entry<String, Object> e : r.outputs().entrySet()) {
            if (n++ > 0) {
                out.append(", ");
            }
            String v = dev.runbook.spi.Values.show(e.getValue());
            out.append(e.getKey()).append(": ").append(v.length() > 80 ? v.substring(0, 80) + "..." : v);
        }
        return redactor.redact(out.append('}').toString());
    }

    private void sleep(Duration d) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end && !cancelled.getAsBoolean()) {
            Thread.sleep(Math.max(1, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    private Attempt skipped(Step step, StepType type, String why) {
        StepOutcome outcome = StepOutcome.skipped(step.id(), why);
        listener.on(event("step-end", step.id(), Map.of("status", "skipped", "message", redactor.redact(why))));
        return new Attempt(outcome, Attempt.Failure.NONE, type, null);
    }

    /** A step that ended before it started its work: nothing to undo. */
    private Attempt notStarted(Step step, StepType type, Attempt.Failure failure, String message, long started) {
        return end(step, type, null, failure, message, Map.of(), 0, started, false);
    }

    private Attempt end(
            Step step,
            StepType type,
            Args args,
            Attempt.Failure failure,
            String message,
            Map<String, Object> outputs,
            int attempts,
            long started,
            boolean partial) {
        return end(step, type, args, failure, message, outputs, attempts, started, partial, false);
    }

    private Attempt end(
            Step step,
            StepType type,
            Args args,
            Attempt.Failure failure,
            String message,
            Map<String, Object> outputs,
            int attempts,
            long started,
            boolean partial,
            boolean injected) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        StepStatus status = failure == Attempt.Failure.NONE ? StepStatus.OK : StepStatus.FAILED;
        String shown = message == null ? null : redactor.redact(message);
        StepOutcome outcome = new StepOutcome(step.id(), status, outputs, shown, attempts, took);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status.label());
        if (shown != null) {
            data.put("message", shown);
        }
        if (partial) {
            data.put("partial", true); // it started and may have changed something: it is compensated
        }
        if (injected) {
            data.put("injected", true);
            data.put("injected_at", partWayHits.isEmpty() ? "after its work" : "part-way: " + partWayHits.get(0));
        }
        data.put("attempts", (long) attempts);
        data.put("duration_ms", took.toMillis());
        data.put("outputs", redactor.redactValue(dev.runbook.plan.Planner.shownValue(outputs)));
        // what a read step found, and the evidence of a health check that is not a read (a rate-limit burst)
        if (status == StepStatus.OK
                && type != null
                && (type.effect() == Effect.READ || type.traits().contains(dev.runbook.spi.Trait.HEALTH_CHECK))) {
            List<String> found = type.found(outputs);
            if (!found.isEmpty()) {
                data.put("found", found.stream().map(redactor::redact).toList());
            }
        }
        listener.on(event("step-end", step.id(), data));
        return new Attempt(outcome, failure, type, args, partial);
    }

    Event event(String kind, String stepId, Map<String, Object> data) {
        return new Event(kind, stepId, options.clock().instant(), data);
    }
}
