package dev.runbook.engine;

/**
 * A failure the engine makes on purpose (for {@code runbook drill}): the main step {@code stepId} of the top
 * runbook fails after it did its work, as if its verify had not held, or, with {@code partWay}, part-way through its
 * own work at the point its type declares ({@code StepType.partWay()}, {@code StepContext.failsHere}); undo,
 * on_failure and finally then run as they would for real. Its {@code step-end} event says {@code "injected": true}.
 * {@link #NONE} injects nothing.
 */
public record Injection(String stepId, boolean partWay) {
    public static final Injection NONE = new Injection(null, false);

    public static final String MESSAGE = "injected failure (drill): the step did its work, then failed";

    public static final String PART_WAY = "injected failure (drill) part-way";

    public Injection(String stepId) {
        this(stepId, false);
    }

    /** The step fails after its work. */
    public boolean hits(String id) {
        return !partWay && stepId != null && stepId.equals(id);
    }

    /** The step fails part-way, where its type asks. */
    public boolean hitsPartWay(String id) {
        return partWay && stepId != null && stepId.equals(id);
    }
}
