package dev.runbook.engine;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as its journal tells it: who started it where, with which plan and params, each step's last state, the
 * final verifies and undos, and how it ended. {@code status} is the last run-end's status, or "running" while its
 * process lives, or "crashed" when its process is gone without an end. {@code attempts} counts run and resumes.
 */
public record RunRecord(
        String runId,
        String runbook,
        String path,
        String planHash,
        Map<String, Object> params,
        List<String> given,
        String user,
        String host,
        long pid,
        Instant started,
        Instant ended,
        String status,
        String message,
        long durationMs,
        int attempts,
        Map<String, StepRecord> steps,
        List<Map<String, Object>> verifies,
        List<Map<String, Object>> events,
        boolean torn) {
    public RunRecord {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        given = List.copyOf(given);
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        verifies = List.copyOf(verifies);
        events = List.copyOf(events);
    }

    public boolean finishedOk() {
        return "ok".equals(status);
    }
}
