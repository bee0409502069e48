package dev.runbook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
    private static Map<String, Object> plan(String sha, Object count, List<Object> steps) {
        return Map.of(
                "source",
                Map.of("path", "a.rb", "sha256", sha),
                "runbook",
                "a",
                "lock",
                "a",
                "params",
                Map.of("count", count),
                "steps",
                steps);
    }

    @Test
    void namesSourceParamsAndStepFields() {
        Map<String, Object> before = plan(
                "1111", 1L, List.of(Map.of("id", "s", "args", Map.of("x", "1"), "when", "true"), Map.of("id", "gone")));
        Map<String, Object> now =
                plan("2222", 2L, List.of(Map.of("id", "s", "args", Map.of("x", "2")), Map.of("id", "new")));
        // Map.of has no order, so the changes are compared as a set
        assertEquals(
                java.util.Set.of(
                        "runbook source changed (sha256 1111 -> 2222)",
                        "param count: 1 -> 2",
                        "step gone removed",
                        "step s: arg x: \"1\" -> \"2\"",
                        "step s: when: \"true\" -> (none)",
                        "step new added"),
                java.util.Set.copyOf(SavedPlanChanges.between(before, now)));
    }
}
