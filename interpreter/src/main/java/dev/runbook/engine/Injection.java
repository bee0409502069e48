package dev.runbook.engine;

/**
 * A failure the engine makes on purpose (for {@code runbook drill}): the main step {@code stepId} of the top
 * runbook fails after it did its work, as if its verify had not held, so that undo, on_failure and finally run as
 * they would for real. Its {@code step-end} event says {@code "injected": true}. {@link #NONE} injects nothing.
 */
public record Injection(String stepId) {
    public static final Injection NONE = new Injection(null);

    public static final String MESSAGE = "injected failure (drill): the step did its work, then failed";

    public boolean hits(String id) {
        return stepId != null && stepId.equals(id);
    }
}
