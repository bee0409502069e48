package dev.runbook.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The values of a runbook's params for one run, in declared order, and which of them are secret. */
public record BoundParams(Map<String, Object> values, Set<String> secretNames) {
    public BoundParams {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        secretNames = Set.copyOf(secretNames);
    }
}
