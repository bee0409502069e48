package dev.runbook.spi;

import java.util.List;

/**
 * A built-in step type: its schema, outputs and effect for the checker and planner, {@code describe} for plans,
 * {@code execute} for runs, and an optional default undo. One class per type; stateless and thread-safe.
 */
public interface StepType {
    /** The name written in runbooks, e.g. {@code http.get}. */
    String name();

    /** One line for the catalogue ({@code runbook steps}). */
    String summary();

    Effect effect();

    List<ParamSpec> params();

    List<OutputSpec> outputs();

    /** What this step will do to which target, in one line, for a plan. Must not touch the world. */
    String describe(Args args);

    /** Does the work. A failure is a {@link StepResult#failed}; an exception is a bug. */
    StepResult execute(Args args, StepContext context) throws InterruptedException;

    /**
     * What a read step found, in a few short lines for the operator (the last commits, the status of the apps, the
     * documents per collection), so that choosing a rollback target needs no second tool. Empty by default.
     */
    default List<String> found(java.util.Map<String, Object> outputs) {
        return List.of();
    }

    /** What this type is beyond its effect class (destructive, backup, reload, health check, confirmation). */
    default java.util.Set<Trait> traits() {
        return java.util.Set.of();
    }

    /** Whether running it twice leaves the world as running it once (resume may re-run it). */
    default boolean idempotent() {
        return effect() == Effect.READ;
    }

    /**
     * Where a drill can make this step fail part-way through its own work (it asks {@link StepContext#failsHere}
     * there), e.g. "after dropping the first collection"; null when only the engine's "after its work" point exists.
     */
    default String partWay() {
        return null;
    }

    /** Whether {@link #undo} can compensate a completed run of this step. */
    default boolean hasUndo() {
        return false;
    }

    /** What the default undo would do, for plans. */
    default String describeUndo(Args args) {
        return "undo " + name();
    }

    /** Compensates a completed run, given the arguments and the outputs that run produced. */
    default StepResult undo(Args args, java.util.Map<String, Object> outputs, StepContext context)
            throws InterruptedException {
        return StepResult.failed(name() + " has no undo");
    }
}
