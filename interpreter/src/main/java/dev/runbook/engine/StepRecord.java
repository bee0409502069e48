package dev.runbook.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step as the journal tells it. {@code status}: running (started, never ended), ok, failed, skipped, undone,
 * undo-failed. {@code undo} is what the undo did, when one ran.
 */
public record StepRecord(
        String id,
        String status,
        String describe,
        Map<String, Object> outputs,
        String message,
        long attempts,
        long durationMs,
        String undo) {
    public StepRecord {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    public boolean started() {
        return "running".equals(status);
    }

    /** Done and still in effect: resume must not repeat it. */
    public boolean done() {
        return "ok".equals(status) || "skipped".equals(status);
    }
}
