package dev.runbook.engine;

/** How a run ended; the CLI maps each to its exit code. */
public enum RunStatus {
    /** Everything ran and verified. */
    OK,
    /** A step or verify failed; completed steps were undone. */
    FAILED,
    /** A precondition did not hold before anything changed. */
    PRECONDITION,
    /** The operator refused a confirmation, or nobody could answer it. */
    REFUSED,
    /** A step failed and undoing the completed steps failed too: a human must look. */
    UNDO_FAILED,
    /** Stopped by Ctrl-C or SIGTERM. */
    INTERRUPTED,
    /** Stopped because the run's lock was lost (its shared store out of reach): nothing undone, to be resumed. */
    LOCK_LOST
}
