package dev.runbook.plan;

import java.util.List;
import java.util.Map;

/** The plan as a pull-request comment: a table of steps in order, what is destructive, what proves it, the graph. */
public final class PlanMarkdown {
    private PlanMarkdown() {}

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("### Plan: `").append(plan.runbook()).append("`\n\n");
        if (plan.description() != null) {
            out.append(plan.description()).append("\n\n");
        }
        long writes = plan.steps().stream().filter(PlanStep::destructive).count();
        out.append(plan.steps().size())
                .append(" steps in ")
                .append(plan.waves().size())
                .append(" waves, ")
                .append(writes)
                .append(" that change something. Lock `")
                .append(plan.lock())
                .append("`. Plan hash `")
                .append(plan.hash(), 0, 12)
                .append("`.\n\n");
        if (!plan.unknowns().isEmpty()) {
            out.append("**Known at run** (shown as `<name>`):\n\n");
            plan.unknowns()
                    .forEach((k, why) -> out.append("- `<")
                            .append(k)
                            .append(">` ")
                            .append(cell(why))
                            .append('\n'));
            out.append('\n');
        }
        if (!plan.params().isEmpty()) {
            out.append("| param | value |\n|---|---|\n");
            plan.params()
                    .forEach((k, v) -> out.append("| `")
                            .append(k)
                            .append("` | `")
                            .append(cell(dev.runbook.spi.Values.show(v)))
                            .append("` |\n"));
            out.append('\n');
        }
        table(out, plan.steps());
        if (!plan.finallySteps().isEmpty()) {
            out.append("\n**Finally** (always runs):\n\n");
            table(out, plan.finallySteps());
        }
        if (!plan.onFailureSteps().isEmpty()) {
            out.append("\n**On failure** (after undo):\n\n");
            table(out, plan.onFailureSteps());
        }
        if (!plan.verifies().isEmpty()) {
            out.append("\n**Verify at the end:**\n\n");
            for (Map<String, Object> v : plan.verifies()) {
                out.append("- ").append(v.get("name")).append(": ");
                if (v.get("probe") != null) {
                    out.append(v.get("probe")).append(", ");
                }
                out.append("`").append(v.get("expect")).append("`\n");
            }
        }
        out.append("\n<details><summary>Graph</summary>\n\n```mermaid\n")
                .append(PlanMermaid.render(plan))
                .append("```\n\n</details>\n");
        return out.toString();
    }

    /** Steps in order, each called runbook's steps right after its call step, numbered 3.1, 3.2, ... */
    private static void flatten(String prefix, List<PlanStep> steps, List<Map.Entry<String, PlanStep>> rows) {
        int n = 1;
        for (PlanStep s : steps) {
            String number = prefix + n++;
            rows.add(Map.entry(number, s));
            flatten(number + ".", s.steps(), rows);
        }
    }

    private static void table(StringBuilder out, List<PlanStep> steps) {
        out.append("| # | step | type | effect | what it does | guarded by | proven by | undo |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        List<Map.Entry<String, PlanStep>> rows = new java.util.ArrayList<>();
        flatten("", steps, rows);
        for (Map.Entry<String, PlanStep> row : rows) {
            PlanStep s = row.getValue();
            String effect = s.skipped() != null
                    ? "skipped: `" + cell(s.skipped()) + "`"
                    : s.destructive() ? "**" + s.effect() + "**" : s.effect();
            StringBuilder guards = new StringBuilder();
            if (s.confirm() != null) {
                guards.append("confirm; ");
            }
            if (s.when() != null) {
                guards.append("when `").append(cell(s.when())).append("`; ");
            }
            s.requires().forEach(r -> guards.append("require `").append(cell(r)).append("`; "));
            String verify = s.verifies().isEmpty()
                    ? (s.destructive() ? "_none_" : "")
                    : "`" + cell(String.join("`, `", s.verifies())) + "`";
            out.append("| ")
                    .append(row.getKey())
                    .append(" | `")
                    .append(s.id())
                    .append("` | `")
                    .append(s.type())
                    .append("` | ")
                    .append(effect)
                    .append(" | ")
                    .append(cell(s.describe()))
                    .append(" | ")
                    .append(guards.toString().strip())
                    .append(" | ")
                    .append(verify)
                    .append(" | ")
                    .append(s.undo() == null ? "" : cell(s.undo()))
                    .append(" |\n");
        }
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
