package dev.runbook.model;

import java.util.Locale;

/** What a step's failure does to the run. */
public enum FailurePolicy {
    /** Fail the run and undo the completed steps in reverse order (the default). */
    UNDO,
    /** Record the failure and go on with the next steps. */
    CONTINUE,
    /** Fail the run and leave everything as it is for a human. */
    STOP;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FailurePolicy parse(String text) {
        for (FailurePolicy p : values()) {
            if (p.keyword().equals(text)) {
                return p;
            }
        }
        return null;
    }
}
