package dev.runbook.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * How to run: how many steps at once, where relative paths resolve, the environment, the clock, the run's id, and
 * a failure to inject (a drill; {@link Injection#NONE} otherwise).
 */
public record RunOptions(
        int parallel, Path workDir, Map<String, String> environment, Clock clock, String runId, Injection inject) {
    public RunOptions(int parallel, Path workDir, Map<String, String> environment, Clock clock, String runId) {
        this(parallel, workDir, environment, clock, runId, Injection.NONE);
    }

    public RunOptions {
        inject = inject == null ? Injection.NONE : inject;
        environment = Map.copyOf(environment);
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
    }
}
