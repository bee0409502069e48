package dev.runbook.engine;

import java.util.List;

/** The end of a run: its status, a one-line summary, and every step's outcome in order. */
public record RunResult(String runId, RunStatus status, String message, List<StepOutcome> outcomes) {
    public RunResult {
        outcomes = List.copyOf(outcomes);
    }
}
