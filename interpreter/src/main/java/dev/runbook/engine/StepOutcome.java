package dev.runbook.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** How one step ended in a run. */
public record StepOutcome(
        String id, StepStatus status, Map<String, Object> outputs, String message, int attempts, Duration duration) {
    public StepOutcome {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    public static StepOutcome skipped(String id, String why) {
        return new StepOutcome(id, StepStatus.SKIPPED, Map.of(), why, 0, Duration.ZERO);
    }
}
