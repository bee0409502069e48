package dev.runbook.engine;

import dev.runbook.plan.Redactor;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The context a step runs in: output goes to the listeners redacted, confirmations to the approver. */
final class EngineContext implements StepContext {
    private final String stepId;
    private final RunOptions options;
    private final Target target;
    private final Redactor redactor;
    private final Approver approver;
    private final RunListener listener;
    private final BooleanSupplier cancelled;
    private final java.util.function.Consumer<String> failPoint;

    EngineContext(
            String stepId,
            RunOptions options,
            Target target,
            Redactor redactor,
            Approver approver,
            RunListener listener,
            BooleanSupplier cancelled) {
        this(stepId, options, target, redactor, approver, listener, cancelled, null);
    }

    /** With {@code failPoint}: a drill's part-way failure is armed; the point is reported to it when reached. */
    EngineContext(
            String stepId,
            RunOptions options,
            Target target,
            Redactor redactor,
            Approver approver,
            RunListener listener,
            BooleanSupplier cancelled,
            java.util.function.Consumer<String> failPoint) {
        this.failPoint = failPoint;
        this.stepId = stepId;
        this.options = options;
        this.target = target;
        this.redactor = redactor;
        this.approver = approver;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    @Override
    public String stepId() {
        return stepId;
    }

    @Override
    public Path workDir() {
        return options.workDir();
    }

    @Override
    public Map<String, String> env() {
        return options.environment();
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public void log(String line) {
        listener.on(new Event("step-output", stepId, options.clock().instant(), Map.of("line", redact(line))));
    }

    @Override
    public Clock clock() {
        return options.clock();
    }

    @Override
    public String redact(String text) {
        return redactor.redact(text);
    }

    @Override
    public boolean confirm(String question) throws InterruptedException {
        return approver.approve(stepId, redact(question));
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public boolean failsHere(String point) {
        if (failPoint == null) {
            return false;
        }
        failPoint.accept(point);
        return true;
    }
}
