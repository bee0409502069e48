package dev.runbook.engine;

import java.util.Locale;

public enum StepStatus {
    OK,
    FAILED,
    SKIPPED,
    NOT_RUN,
    UNDONE,
    UNDO_FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
