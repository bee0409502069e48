package dev.runbook.plan;

import java.util.List;
import java.util.Map;

/** The plan for a terminal: one block per step in order, what it does, and what guards and undoes it. */
public final class PlanText {
    private PlanText() {}

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Plan for runbook \"").append(plan.runbook()).append('"');
        out.append(" (")
                .append(dev.runbook.model.Runbook.stepCounts(
                        plan.steps().size(),
                        plan.finallySteps().size(),
                        plan.onFailureSteps().size()))
                .append("; ")
                .append(plan.waves().size())
                .append(plan.waves().size() == 1 ? " wave" : " waves")
                .append(")\n");
        if (plan.description() != null) {
            out.append("  ").append(plan.description()).append('\n');
        }
        out.append("  hash ").append(plan.hash()).append('\n');
        out.append("  lock ").append(plan.lock()).append('\n');
        if (!plan.unknowns().isEmpty()) {
            out.append("\nKnown at run (shown as <name> below):\n");
            plan.unknowns()
                    .forEach((k, why) -> out.append("  <")
                            .append(k)
                            .append(">  ")
                            .append(why)
                            .append('\n'));
        }
        if (!plan.params().isEmpty()) {
            out.append("\nParams:\n");
            plan.params()
                    .forEach((k, v) -> out.append("  ")
                            .append(k)
                            .append(" = ")
                            .append(dev.runbook.spi.Values.show(v))
                            .append('\n'));
        }
        if (!plan.requires().isEmpty()) {
            out.append("\nRequires:\n");
            plan.requires().forEach(r -> out.append("  - ").append(r).append('\n'));
        }
        out.append("\nSteps:\n");
        int n = 1;
        for (PlanStep s : plan.steps()) {
            step(out, n++ + ".", s);
        }
        section(out, "Finally (always runs)", plan.finallySteps());
        section(out, "On failure (after undo)", plan.onFailureSteps());
        if (!plan.verifies().isEmpty()) {
            out.append("\nVerify at the end:\n");
            for (Map<String, Object> v : plan.verifies()) {
                out.append("  - ").append(v.get("name")).append(": ");
                if (v.get("probe") != null) {
                    out.append(v.get("probe")).append(", expect ");
                }
                out.append(v.get("expect")).append('\n');
            }
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<PlanStep> steps) {
        if (steps.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(":\n");
        for (PlanStep s : steps) {
            step(out, "-", s);
        }
    }

    private static void step(StringBuilder out, String bullet, PlanStep s) {
        String mark = switch (s.effect()) {
            case "read" -> "  ";
            case "external" -> "~ ";
            default -> "+ ";
        };
        out.append("  ")
                .append(bullet)
                .append(' ')
                .append(mark)
                .append(s.id())
                .append(" [")
                .append(s.type())
                .append(", ")
                .append(s.effect())
                .append("]");
        if (s.wave() > 0 || !s.needs().isEmpty()) {
            out.append(" after ").append(s.needs().isEmpty() ? "start" : String.join(", ", s.needs()));
        }
        if (s.skipped() != null) {
            out.append(" skipped: ").append(s.skipped());
        }
        out.append('\n');
        line(out, "", s.describe());
        line(out, "when ", s.when());
        line(out, "unless ", s.unless());
        s.requires().forEach(r -> line(out, "require ", r));
        line(out, "confirm ", s.confirm() == null ? null : "\"" + s.confirm() + "\"");
        line(out, "timeout ", s.timeout());
        line(out, "retry ", s.retry());
        s.verifies().forEach(v -> line(out, "verify ", v));
        line(out, "undo: ", s.undo());
        line(out, "on failure: ", s.onFailure());
        if (s.probe() != null) {
            line(out, "probe found: ", dev.runbook.spi.Values.show(s.probe()));
        }
        if (!s.steps().isEmpty()) {
            line(out, "", "runs, as part of this plan:");
            StringBuilder inner = new StringBuilder();
            int n = 1;
            for (PlanStep c : s.steps()) {
                step(inner, n++ + ".", c);
            }
            inner.toString()
                    .lines()
                    .forEach(l -> out.append("       ").append(l).append('\n'));
        }
    }

    private static void line(StringBuilder out, String label, String text) {
        if (text != null) {
            out.append("       ").append(label).append(text).append('\n');
        }
    }
}
