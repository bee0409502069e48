package dev.runbook.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a step did: OK or FAILED, its outputs (in declared order), and for a failure a message that says what went
 * wrong and, where it can, what to do. A failure is data, never an exception.
 */
public record StepResult(Status status, Map<String, Object> outputs, String message) {
    public enum Status {
        OK,
        FAILED
    }

    public StepResult {
        outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
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
