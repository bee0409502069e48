package dev.runbook.engine;

import dev.runbook.spi.Args;
import dev.runbook.spi.StepType;

/**
 * What the interpreter needs to know about a finished step: its outcome, why it failed (if it did), and what
 * undo needs (the type, the arguments it ran with).
 */
record Attempt(StepOutcome outcome, Failure failure, StepType type, Args args) {
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
}
