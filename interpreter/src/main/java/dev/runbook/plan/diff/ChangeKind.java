package dev.runbook.plan.diff;

/** The kinds of change a plan diff reports, in the order reviews read them; each kind is one markdown table. */
public enum ChangeKind {
    STEP_ADDED("steps added"),
    STEP_REMOVED("steps removed"),
    STEP_MOVED("steps moved in the graph"),
    TYPE("step types changed"),
    EFFECT("effects changed"),
    ARGUMENT("arguments changed"),
    GUARD("guards changed (when, unless, require)"),
    VERIFY("step verifies changed"),
    UNDO("undo changed"),
    CONFIRM("confirm changed"),
    TIMEOUT("timeouts changed"),
    RETRY("retries changed"),
    ON_FAILURE("on_failure changed"),
    PARAM_ADDED("params added"),
    PARAM_REMOVED("params removed"),
    PARAM_DEFAULT("param defaults changed"),
    FINAL_VERIFY("final verifies changed"),
    RUNBOOK("runbook changed (name, lock, require)");

    private final String title;

    ChangeKind(String title) {
        this.title = title;
    }

    /** The heading of this kind's table. */
    public String title() {
        return title;
    }
}
