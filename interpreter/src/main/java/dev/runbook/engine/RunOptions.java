package dev.runbook.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * How to run: how many steps at once, where relative paths resolve, the environment, the clock, and whether
 * completed steps are undone when a step fails (the runbook's default policy).
 */
public record RunOptions(int parallel, Path workDir, Map<String, String> environment, Clock clock, String runId) {
    public RunOptions {
        environment = Map.copyOf(environment);
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
    }
}
