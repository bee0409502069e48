package dev.runbook.cli;

import dev.runbook.engine.RunStatus;

/** Every exit code of the CLI, in one place, as listed in --help. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int INVALID = 3;
    public static final int PRECONDITION = 4;
    public static final int REFUSED = 5;
    public static final int UNDO_FAILED = 6;
    public static final int LOCK_LOST = 7;
    public static final int INTERNAL = 70;
    public static final int INTERRUPTED = 130;

    /** The list shown at the end of --help. */
    public static final String[] HELP = {
        " 0:ok",
        " 1:a step or verify failed (completed steps were undone)",
        " 2:usage error (unknown command or option)",
        " 3:invalid runbook or params (nothing ran)",
        " 4:a precondition was not met (nothing changed)",
        " 5:lock held, or refused by the operator / no one to confirm",
        " 6:failed, and the undo failed too: needs a human",
        " 7:lost the lock (shared state out of reach): stopped at a safe point, nothing undone; resume it",
        "70:internal error (a bug: please report it)",
        "130:interrupted (Ctrl-C); the journal is left for resume",
    };

    private ExitCodes() {}

    public static int of(RunStatus status) {
        return switch (status) {
            case OK -> OK;
            case FAILED -> FAILED;
            case PRECONDITION -> PRECONDITION;
            case REFUSED -> REFUSED;
            case UNDO_FAILED -> UNDO_FAILED;
            case INTERRUPTED -> INTERRUPTED;
            case LOCK_LOST -> LOCK_LOST;
        };
    }
}
