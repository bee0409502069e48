package dev.runbook.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values of a runbook's params for one run, in declared order, and which of them are secret. In a preview,
 * {@code unknown} names the params whose value cannot be known where the plan is made, with the reason.
 */
public record BoundParams(Map<String, Object> values, Set<String> secretNames, Map<String, String> unknown) {
    public BoundParams {
        values = Collections.unmodifiableMap(dev.runbook.expr.Boundary.normalizeAll(values));
        secretNames = Set.copyOf(secretNames);
        unknown = Collections.unmodifiableMap(new LinkedHashMap<>(unknown));
    }

    public BoundParams(Map<String, Object> values, Set<String> secretNames) {
        this(values, secretNames, Map.of());
    }
}
