package dev.runbook.plan.diff;

import dev.runbook.json.Json;
import dev.runbook.plan.Plan;
import dev.runbook.plan.PlanStep;
import dev.runbook.spi.StepKinds;
import dev.runbook.spi.Trait;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two plans of a runbook, meaning rather than text: steps by id (added, removed, moved in the graph,
 * each clause), params, lock, preconditions and final verifies. Formatting and comments never show up.
 */
public final class PlanDiffer {
    private final List<Change> changes = new ArrayList<>();
    private final StepKinds kinds;

    private PlanDiffer(StepKinds kinds) {
        this.kinds = kinds;
    }

    public static PlanDiff diff(Plan before, Plan after, String beforeLabel, String afterLabel, StepKinds kinds) {
        PlanDiffer d = new PlanDiffer(kinds);
        d.runbook(before, after);
        d.params(before.params(), after.params());
        d.steps("step", before.steps(), after.steps(), true);
        d.steps("finally step", before.finallySteps(), after.finallySteps(), false);
        d.steps("on_failure step", before.onFailureSteps(), after.onFailureSteps(), false);
        d.verifies(before.verifies(), after.verifies());
        return new PlanDiff(before.runbook(), after.runbook(), beforeLabel, afterLabel, d.changes);
    }

    private void add(ChangeKind kind, String subject, String detail, String before, String after, String risk) {
        changes.add(new Change(kind, subject, detail, before, after, risk));
    }

    private void runbook(Plan before, Plan after) {
        if (!before.runbook().equals(after.runbook())) {
            add(ChangeKind.RUNBOOK, "runbook", "name", before.runbook(), after.runbook(), null);
        }
        if (!Objects.equals(before.lock(), after.lock())) {
            add(ChangeKind.RUNBOOK, "runbook", "lock", before.lock(), after.lock(), null);
        }
        for (String r : before.requires()) {
            if (!after.requires().contains(r)) {
                add(ChangeKind.RUNBOOK, "runbook", "require", r, null, "precondition removed");
            }
        }
        for (String r : after.requires()) {
            if (!before.requires().contains(r)) {
                add(ChangeKind.RUNBOOK, "runbook", "require", null, r, null);
            }
        }
    }

    private void params(Map<String, Object> before, Map<String, Object> after) {
        before.forEach((name, value) -> {
            if (!after.containsKey(name)) {
                add(ChangeKind.PARAM_REMOVED, "param `" + name + "`", "removed", show(value), null, null);
            } else if (!Objects.equals(value, after.get(name))) {
                add(
                        ChangeKind.PARAM_DEFAULT,
                        "param `" + name + "`",
                        "value",
                        show(value),
                        show(after.get(name)),
                        null);
            }
        });
        after.forEach((name, value) -> {
            if (!before.containsKey(name)) {
                add(ChangeKind.PARAM_ADDED, "param `" + name + "`", "added", null, show(value), null);
            }
        });
    }

    private void steps(String label, List<PlanStep> before, List<PlanStep> after, boolean graph) {
        Map<String, PlanStep> old = byId(before);
        Map<String, PlanStep> now = byId(after);
        old.forEach((id, s) -> {
            if (!now.containsKey(id)) {
                add(
                        ChangeKind.STEP_REMOVED,
                        label + " `" + id + "`",
                        "removed",
                        summary(s),
                        null,
                        s.verifies().isEmpty() ? null : "step with a verify removed");
            }
        });
        now.forEach((id, s) -> {
            PlanStep was = old.get(id);
            String subject = label + " `" + id + "`";
            if (was == null) {
                add(
                        ChangeKind.STEP_ADDED,
                        subject,
                        "added",
                        null,
                        summary(s),
                        destructive(s) ? "new destructive step" : null);
            } else {
                new StepDiffer(subject, graph, changes, this::destructive).diff(was, s);
            }
        });
    }

    /** A step that destroys state: a destructive type, or {@code drop: true}. */
    boolean destructive(PlanStep s) {
        return kinds.is(s.type(), Trait.DESTRUCTIVE)
                || Boolean.TRUE.equals(s.args().get("drop"));
    }

    private static String summary(PlanStep s) {
        return s.type() + " (" + s.effect() + "): " + s.describe();
    }

    private void verifies(List<Map<String, Object>> before, List<Map<String, Object>> after) {
        Map<String, String> old = verifiesByName(before);
        Map<String, String> now = verifiesByName(after);
        old.forEach((name, text) -> {
            if (!now.containsKey(name)) {
                add(ChangeKind.FINAL_VERIFY, "verify \"" + name + "\"", "removed", text, null, "final verify removed");
            } else if (!text.equals(now.get(name))) {
                add(ChangeKind.FINAL_VERIFY, "verify \"" + name + "\"", "changed", text, now.get(name), null);
            }
        });
        now.forEach((name, text) -> {
            if (!old.containsKey(name)) {
                add(ChangeKind.FINAL_VERIFY, "verify \"" + name + "\"", "added", null, text, null);
            }
        });
    }

    private static Map<String, String> verifiesByName(List<Map<String, Object>> verifies) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> v : verifies) {
            Object probe = v.get("probe");
            out.put(String.valueOf(v.get("name")), (probe == null ? "" : probe + ", ") + v.get("expect"));
        }
        return out;
    }

    private static Map<String, PlanStep> byId(List<PlanStep> steps) {
        Map<String, PlanStep> out = new LinkedHashMap<>();
        steps.forEach(s -> out.putIfAbsent(s.id(), s));
        return out;
    }

    static String show(Object value) {
        return value == null ? null : Json.write(value);
    }
}
