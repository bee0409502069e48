package dev.runbook.engine;

import dev.runbook.plan.Redactor;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Target;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Runs read steps for {@code plan --probe} the way a run does (the engine's step context, time limit and cancel),
 * but nothing that changes the world: a step type that is not a read is refused.
 */
public final class Probe implements AutoCloseable {
    private static final Approver NOBODY = new Approver() {
        @Override
        public boolean canAsk(String stepId) {
            return false;
        }

        @Override
        public boolean approve(String stepId, String question) {
            return false;
        }
    };

    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(Interpreter.daemon("runbook-probe-timeout"));
    private final RunOptions options;
    private final Target target;
    private final Redactor redactor;
    private final BooleanSupplier cancelled;

    public Probe(RunOptions options, Target target, Redactor redactor, BooleanSupplier cancelled) {
        this.options = options;
        this.target = target;
        this.redactor = redactor;
        this.cancelled = cancelled;
    }

    /** What the read step found, or a failure; at most {@code timeout}. */
    public StepResult run(String stepId, StepType type, Args args, Duration timeout) throws InterruptedException {
        if (type.effect() != Effect.READ) {
            throw new IllegalArgumentException(type.name() + " is not a read step: a probe never changes anything");
        }
        EngineContext context = new EngineContext(stepId, options, target, redactor, NOBODY, e -> {}, cancelled);
        return Timeouts.run(watchdog, timeout, () -> type.execute(args, context));
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
