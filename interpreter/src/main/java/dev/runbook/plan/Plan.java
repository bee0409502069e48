package dev.runbook.plan;

import java.util.List;
import java.util.Map;

/**
 * What a run will do, before it runs: the steps with their waves, the finally and on-failure chains, the final
 * verifies. {@code hash} is a SHA-256 over the canonical JSON of everything that decides what runs (not the file's
 * path or syntax, so a runbook and its YAML conversion have the same hash).
 */
public record Plan(
        String runbook,
        String description,
        String sourcePath,
        String sourceSha256,
        Map<String, Object> params,
        String lock,
        List<String> requires,
        List<PlanStep> steps,
        List<List<String>> waves,
        List<PlanStep> finallySteps,
        List<PlanStep> onFailureSteps,
        List<Map<String, Object>> verifies,
        String hash,
        Map<String, String> unknowns,
        Map<String, String> sources) {
    public static final int FORMAT_VERSION = 1;

    public Plan {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        requires = List.copyOf(requires);
        steps = List.copyOf(steps);
        waves = List.copyOf(waves);
        finallySteps = List.copyOf(finallySteps);
        onFailureSteps = List.copyOf(onFailureSteps);
        verifies = List.copyOf(verifies);
        unknowns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unknowns));
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
    }

    public Plan withSteps(List<PlanStep> replaced) {
        return new Plan(
                runbook,
                description,
                sourcePath,
                sourceSha256,
                params,
                lock,
                requires,
                replaced,
                waves,
                finallySteps,
                onFailureSteps,
                verifies,
                hash,
                unknowns,
                sources);
    }

    public Plan withHash(String h) {
        return new Plan(
                runbook,
                description,
                sourcePath,
                sourceSha256,
                params,
                lock,
                requires,
                steps,
                waves,
                finallySteps,
                onFailureSteps,
                verifies,
                h,
                unknowns,
                sources);
    }
}
