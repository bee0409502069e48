package dev.runbook.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an earlier attempt of the same run already did: main steps that ended ok or skipped, in the order they
 * ended, with their outputs (as the journal kept them, redacted). A resumed run does not repeat them.
 */
public record Resume(Map<String, StepOutcome> done) {
    public static final Resume NONE = new Resume(Map.of());

    public Resume {
        done = Collections.unmodifiableMap(new LinkedHashMap<>(done));
    }

    public boolean isDone(String stepId) {
        return done.containsKey(stepId);
    }
}
