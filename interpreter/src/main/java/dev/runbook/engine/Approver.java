package dev.runbook.engine;

/** Decides confirmation gates: a prompt on a TTY, --yes, --approve ID, or refusal when nobody can answer. */
public interface Approver {
    /** Whether a gate on this step could be answered at all (checked before anything runs). */
    boolean canAsk(String stepId);

    /** Asks; false means refused. */
    boolean approve(String stepId, String question) throws InterruptedException;
}
