package dev.runbook.engine;

import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.spi.StepResult;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One execution of a step under a time limit: when it runs out, the running thread is interrupted (a step type's
 * process then kills its whole tree) and the result is a failure that says so. Runs and probes share it.
 */
final class Timeouts {
    /** The work of one execution. */
    interface Work {
        StepResult run() throws InterruptedException;
    }

    private Timeouts() {}

    /** {@code work} with at most {@code timeout} (null: no limit); a cancel still ends it with an interrupt. */
    static StepResult run(ScheduledExecutorService watchdog, Duration timeout, Work work) throws InterruptedException {
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread self = Thread.currentThread();
        ScheduledFuture<?> alarm = timeout == null
                ? null
                : watchdog.schedule(
                        () -> {
                            timedOut.set(true);
                            self.interrupt();
                        },
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
        try {
            StepResult result = work.run();
            if (timedOut.get() && !result.isOk()) {
                // the work saw the interrupt and stopped on its own (a called runbook that undid itself): say why
                return new StepResult(
                        result.status(),
                        result.outputs(),
                        "timed out after " + ExprPrinter.duration(timeout) + "; " + result.message(),
                        result.changedNothing());
            }
            return result;
        } catch (InterruptedException e) {
            if (timedOut.get()) {
                Thread.interrupted();
                return StepResult.failed(
                        "timed out after " + ExprPrinter.duration(timeout) + "; its processes were killed");
            }
            throw e;
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
            if (timedOut.get()) {
                Thread.interrupted();
            }
        }
    }
}
