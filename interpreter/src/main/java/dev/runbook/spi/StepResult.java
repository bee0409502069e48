package dev.runbook.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a step did: OK or FAILED, its outputs (in declared order), and for a failure a message that says what went
 * wrong and, where it can, what to do. A failure is data, never an exception.
 *
 * <p>A failed step may have changed part of the world before it failed (a restore that dropped a collection and
 * then lost its server), so the engine compensates it with its undo. {@code changedNothing} says that it did not:
 * the step refused before touching anything (a backup that failed validation, a dirty working tree), and then no
 * undo runs for it. A failed result's outputs should hold what its undo needs, as far as the step got.
 */
public record StepResult(Status status, Map<String, Object> outputs, String message, boolean changedNothing) {
    public enum Status {
        OK,
        FAILED
    }

    public StepResult {
        outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        changedNothing = changedNothing && status == Status.FAILED;
    }

    public StepResult(Status status, Map<String, Object> outputs, String message) {
        this(status, outputs, message, false);
    }

    /** A failure before anything was changed: no undo is needed for it. */
    public static StepResult refused(String message) {
        return new StepResult(Status.FAILED, Map.of(), message, true);
    }

    public static StepResult ok(Map<String, Object> outputs) {
        return new StepResult(Status.OK, outputs, null);
    }

    public static StepResult ok() {
        return ok(Map.of());
    }

    public static StepResult failed(String message) {
        return new StepResult(Status.FAILED, Map.of(), message);
    }

    public static StepResult failed(String message, Map<String, Object> outputs) {
        return new StepResult(Status.FAILED, outputs, message);
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}
