package dev.runbook.plan.diff;

/**
 * A plan diff for a terminal: a header, then one line per change, risky ones first and marked {@code !}; {@code +}
 * added, {@code -} removed, {@code ~} changed.
 */
public final class DiffText {
    private DiffText() {}

    public static String render(PlanDiff diff) {
        StringBuilder out = new StringBuilder();
        out.append("runbook `")
                .append(diff.newName())
                .append("`: ")
                .append(diff.oldLabel())
                .append(" -> ")
                .append(diff.newLabel())
                .append('\n');
        if (diff.isEmpty()) {
            return out.append("no changes to the plan\n").toString();
        }
        for (Change c : diff.changes()) {
            out.append(c.risky() ? "! " : marker(c))
                    .append(c.subject())
                    .append(": ")
                    .append(c.detail());
            if (c.before() != null && c.after() != null) {
                out.append(": ").append(c.before()).append(" -> ").append(c.after());
            } else if (c.before() != null || c.after() != null) {
                out.append(": ").append(c.before() != null ? c.before() : c.after());
            }
            if (c.risky()) {
                out.append("  [risky: ").append(c.risk()).append(']');
            }
            out.append('\n');
        }
        int risky = diff.risky().size();
        out.append(diff.changes().size())
                .append(diff.changes().size() == 1 ? " change" : " changes")
                .append(risky == 0 ? "" : ", " + risky + " risky")
                .append('\n');
        return out.toString();
    }

    static String marker(Change c) {
        if (c.before() == null) {
            return "+ ";
        }
        return c.after() == null ? "- " : "~ ";
    }
}
