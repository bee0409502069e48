package dev.runbook.engine;

import dev.runbook.spi.Args;
import dev.runbook.spi.StepType;

/**
 * What the interpreter needs to know about a finished step: its outcome, why it failed (if it did), and what
 * undo needs (the type, the arguments it ran with).
 */
record Attempt(StepOutcome outcome, Failure failure, StepType type, Args args, boolean partial) {
    Attempt(StepOutcome outcome, Failure failure, StepType type, Args args) {
        this(outcome, failure, type, args, false);
    }

    enum Failure {
        NONE,
        PRECONDITION,
        REFUSED,
        FAILED,
        INTERRUPTED,
        /** The step ran to its end but its verify did not hold: what it did is in place and must be undone. */
        UNVERIFIED
    }

    boolean ok() {
        return failure == Failure.NONE;
    }

    /**
     * Whether what this attempt did must be undone with the rest: it completed, or it ran to its end and only its
     * verify failed, or it started and then failed, timed out or was cancelled without saying it changed nothing.
     */
    boolean compensated() {
        return outcome.status() == StepStatus.OK || failure == Failure.UNVERIFIED || partial;
    }
}
