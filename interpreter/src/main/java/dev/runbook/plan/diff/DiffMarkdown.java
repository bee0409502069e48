package dev.runbook.plan.diff;

import java.util.List;

/**
 * A plan diff as a pull-request comment: a summary, the risky changes first in their own table, then one table per
 * kind of change.
 */
public final class DiffMarkdown {
    private DiffMarkdown() {}

    public static String render(PlanDiff diff) {
        StringBuilder out = new StringBuilder();
        out.append("### Diff: `").append(diff.newName()).append("`\n\n");
        out.append('`')
                .append(diff.oldLabel())
                .append("` → `")
                .append(diff.newLabel())
                .append("`: ");
        if (diff.isEmpty()) {
            return out.append("no changes to the plan.\n").toString();
        }
        List<Change> risky = diff.risky();
        out.append(diff.changes().size()).append(diff.changes().size() == 1 ? " change" : " changes");
        out.append(risky.isEmpty() ? ", none risky.\n" : ", **" + risky.size() + " risky**.\n");
        if (!risky.isEmpty()) {
            out.append("\n#### ⚠️ Risky changes\n\n| where | risk | what | before | after |\n|---|---|---|---|---|\n");
            for (Change c : risky) {
                out.append("| ")
                        .append(cell(c.subject()))
                        .append(" | **")
                        .append(cell(c.risk()))
                        .append("** | ")
                        .append(cell(c.detail()))
                        .append(" | ")
                        .append(code(c.before()))
                        .append(" | ")
                        .append(code(c.after()))
                        .append(" |\n");
            }
        }
        for (ChangeKind kind : ChangeKind.values()) {
            List<Change> these = diff.changes().stream()
                    .filter(c -> !c.risky() && c.kind() == kind)
                    .toList();
            if (these.isEmpty()) {
                continue;
            }
            String heading = kind.title();
            out.append("\n#### ")
                    .append(Character.toUpperCase(heading.charAt(0)))
                    .append(heading.substring(1))
                    .append("\n\n| where | what | before | after |\n|---|---|---|---|\n");
            for (Change c : these) {
                out.append("| ")
                        .append(cell(c.subject()))
                        .append(" | ")
                        .append(cell(c.detail()))
                        .append(" | ")
                        .append(code(c.before()))
                        .append(" | ")
                        .append(code(c.after()))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    private static String code(String text) {
        return text == null ? "" : "`" + cell(text).replace("`", "'") + "`";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
