package dev.runbook.plan;

/** The step graph as a mermaid flowchart: a node per step, an edge per dependency, finally steps after. */
public final class PlanMermaid {
    private PlanMermaid() {}

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder("flowchart TD\n");
        for (PlanStep s : plan.steps()) {
            out.append("  ").append(node(s)).append('\n');
        }
        for (PlanStep s : plan.steps()) {
            for (String need : s.needs()) {
                out.append("  ")
                        .append(id(need))
                        .append(" --> ")
                        .append(id(s.id()))
                        .append('\n');
            }
        }
        String last = null;
        for (PlanStep s : plan.finallySteps()) {
            out.append("  ").append(node(s)).append('\n');
            if (last != null) {
                out.append("  ")
                        .append(id(last))
                        .append(" -.-> ")
                        .append(id(s.id()))
                        .append('\n');
            }
            last = s.id();
        }
        for (PlanStep s : plan.steps()) {
            if (!"read".equals(s.effect())) {
                out.append("  class ").append(id(s.id())).append(" write\n");
            }
        }
        out.append("  classDef write stroke:#c33,stroke-width:2px\n");
        return out.toString();
    }

    private static String node(PlanStep s) {
        String label = s.id() + "<br/>" + s.type();
        return id(s.id()) + "[\"" + label.replace("\"", "'") + "\"]";
    }

    private static String id(String stepId) {
        return "s_" + stepId.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
