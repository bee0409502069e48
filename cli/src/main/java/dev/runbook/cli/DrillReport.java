package dev.runbook.cli;

import dev.runbook.engine.InvariantDifference;
import dev.runbook.json.Json;
import dev.runbook.model.Invariant;
import dev.runbook.model.NameRef;
import dev.runbook.model.Runbook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A drill's cases as a table: text for a terminal, markdown for a pull request, JSON for tools. */
final class DrillReport {
    private final Runbook runbook;
    private final String path;
    private final String sandbox;
    private final List<DrillCase> cases;

    DrillReport(Runbook runbook, String path, String sandbox, List<DrillCase> cases) {
        this.runbook = runbook;
        this.path = path;
        this.sandbox = sandbox;
        this.cases = List.copyOf(cases);
    }

    /** Every case restored what the invariants say (and the baseline ran through). */
    boolean passed() {
        return cases.stream().allMatch(DrillCase::passed);
    }

    private List<DrillCase> failed() {
        return cases.stream().filter(c -> !c.passed()).toList();
    }

    private String verdict() {
        List<String> skipped = cases.stream()
                .filter(c -> c.outcome() == DrillCase.Outcome.SKIPPED)
                .map(DrillCase::name)
                .toList();
        long drilled = cases.stream().filter(c -> !c.baseline()).count() - skipped.size();
        if (passed()) {
            return "drill passed: every one of " + drilled + (drilled == 1 ? " case" : " cases")
                    + " was undone and left the invariants as they were"
                    + (skipped.isEmpty()
                            ? ""
                            : "; not drilled, as they did not run in the baseline: " + String.join(", ", skipped));
        }
        List<String> names = failed().stream().map(DrillCase::name).toList();
        return "drill failed: " + names.size() + " of " + cases.size() + " runs did not restore everything ("
                + String.join(", ", names) + ")";
    }

    private static String invariant(Invariant inv) {
        String fields = inv.compare().isEmpty()
                ? "all outputs"
                : String.join(", ", inv.compare().stream().map(NameRef::name).toList());
        return inv.id() + " (" + inv.type() + ": " + fields + ")";
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("drill of ").append(runbook.name()).append(" (").append(path).append(")");
        out.append(sandbox == null ? ", on a drill target" : ", sandbox " + sandbox)
                .append('\n');
        if (runbook.invariants().isEmpty()) {
            out.append("invariants: none declared; only the final verifies are checked\n");
        } else {
            out.append("invariants: ")
                    .append(String.join(
                            ", ",
                            runbook.invariants().stream()
                                    .map(DrillReport::invariant)
                                    .toList()))
                    .append('\n');
        }
        out.append('\n');
        int width = Math.max(
                8, cases.stream().mapToInt(c -> c.name().length()).max().orElse(8));
        int typeWidth =
                Math.max(4, cases.stream().mapToInt(c -> type(c).length()).max().orElse(4));
        out.append(pad("step", width))
                .append("  ")
                .append(pad("type", typeWidth))
                .append("  outcome\n");
        for (DrillCase c : cases) {
            out.append(pad(c.name(), width))
                    .append("  ")
                    .append(pad(type(c), typeWidth))
                    .append("  ");
            out.append(c.outcome().label);
            if (c.runId() != null) {
                out.append("  [run ")
                        .append(c.runId())
                        .append(", ")
                        .append(seconds(c.durationMs()))
                        .append(']');
            }
            out.append('\n');
            for (String line : details(c)) {
                out.append(" ".repeat(width + 2)).append("- ").append(line).append('\n');
            }
        }
        return out.append('\n').append(verdict()).append('\n').toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("### Drill of `").append(runbook.name()).append("`\n\n");
        out.append(passed() ? "**passed**: " : "**failed**: ").append(verdict()).append("\n\n");
        if (!runbook.invariants().isEmpty()) {
            out.append("Invariants: ");
            out.append(String.join(
                    ", ",
                    runbook.invariants().stream()
                            .map(i -> "`" + invariant(i) + "`")
                            .toList()));
            out.append("\n\n");
        }
        out.append("| step | type | outcome | what differs |\n|---|---|---|---|\n");
        for (DrillCase c : cases) {
            String mark = c.outcome() == DrillCase.Outcome.SKIPPED ? "➖ " : c.passed() ? "✅ " : "❌ ";
            out.append("| `").append(c.name()).append("` | ").append(type(c).isEmpty() ? "" : "`" + type(c) + "`");
            out.append(" | ").append(mark).append(c.outcome().label).append(" | ");
            out.append(String.join(
                    "<br>", details(c).stream().map(DrillReport::cell).toList()));
            out.append(" |\n");
        }
        return out.toString();
    }

    String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runbook", runbook.name());
        root.put("path", path);
        root.put("sandbox", sandbox);
        root.put("passed", passed());
        List<Object> invariants = new ArrayList<>();
        for (Invariant inv : runbook.invariants()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", inv.id());
            i.put("type", inv.type());
            i.put("compare", inv.compare().stream().map(NameRef::name).toList());
            invariants.add(i);
        }
        root.put("invariants", invariants);
        List<Object> out = new ArrayList<>();
        for (DrillCase c : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", c.step());
            m.put("type", c.type());
            m.put("part_way", c.partWay());
            m.put("outcome", c.outcome().name().toLowerCase(java.util.Locale.ROOT));
            m.put("passed", c.passed());
            m.put("run_id", c.runId());
            m.put("message", c.message());
            List<Object> diffs = new ArrayList<>();
            for (InvariantDifference d : c.differences()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("invariant", d.invariant());
                x.put("field", d.field());
                x.put("before", d.before());
                x.put("after", d.after());
                diffs.add(x);
            }
            m.put(c.baseline() ? "changed" : "differences", diffs);
            m.put("failing_verifies", c.failingVerifies());
            m.put("duration_ms", c.durationMs());
            out.add(m);
        }
        root.put("cases", out);
        return Json.pretty(root) + "\n";
    }

    /** The lines under a case: what differs, which verify fails, or why it could not run. */
    private static List<String> details(DrillCase c) {
        List<String> out = new ArrayList<>();
        if (c.baseline()) {
            if (!c.passed()) {
                out.add(c.message());
            } else if (!c.differences().isEmpty()) {
                out.add("changed (as it should): "
                        + String.join(
                                ", ",
                                c.differences().stream()
                                        .map(d -> d.path() + " " + d.before() + " -> " + d.after())
                                        .toList()));
            }
            return out;
        }
        for (InvariantDifference d : c.differences()) {
            out.add(d.path() + ": " + d.before() + " before, " + d.after() + " after the undo");
        }
        c.failingVerifies().forEach(v -> out.add("final verify " + v));
        if (c.outcome() == DrillCase.Outcome.UNDO_FAILED
                || c.outcome() == DrillCase.Outcome.BROKEN
                || c.outcome() == DrillCase.Outcome.NOT_REACHED
                || c.outcome() == DrillCase.Outcome.SKIPPED) {
            out.add(c.message());
        }
        return out;
    }

    private static String type(DrillCase c) {
        return c.type() == null ? "" : c.type();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
