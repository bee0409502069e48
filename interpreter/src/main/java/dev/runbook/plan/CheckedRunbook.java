package dev.runbook.plan;

import dev.runbook.model.Runbook;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the planner takes from the checker: the runbook, its step types, and the waves and direct needs of the step
 * graph the checker built. Plain data, because checker and planner are siblings above {@code expr}: the caller that
 * ran the checker hands its result over.
 */
public record CheckedRunbook(
        Runbook runbook, StepRegistry registry, List<List<String>> waves, Map<String, List<String>> needs) {
    public CheckedRunbook {
        waves = waves.stream().map(List::copyOf).toList();
        Map<String, List<String>> copy = new LinkedHashMap<>();
        needs.forEach((id, before) -> copy.put(id, List.copyOf(before)));
        needs = Collections.unmodifiableMap(copy);
    }

    public Optional<StepType> type(String name) {
        return registry.find(name);
    }

    /** The steps that {@code id} directly waits for. */
    public List<String> needs(String id) {
        return needs.getOrDefault(id, List.of());
    }
}
