package dev.runbook.plan.diff;

import dev.runbook.json.Json;
import dev.runbook.plan.PlanStep;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The clause-by-clause changes of one step that is in both plans. */
final class StepDiffer {
    private final String subject;
    private final boolean graph;
    private final List<Change> out;
    private final java.util.function.Predicate<PlanStep> destructive;

    StepDiffer(String subject, boolean graph, List<Change> out, java.util.function.Predicate<PlanStep> destructive) {
        this.subject = subject;
        this.graph = graph;
        this.out = out;
        this.destructive = destructive;
    }

    void diff(PlanStep was, PlanStep now) {
        if (graph) {
            moved(was, now);
        }
        if (!was.type().equals(now.type())) {
            add(
                    ChangeKind.TYPE,
                    "type",
                    was.type(),
                    now.type(),
                    destructive.test(now) && !destructive.test(was) ? "now a destructive step" : null);
        }
        if (!was.effect().equals(now.effect())) {
            add(
                    ChangeKind.EFFECT,
                    "effect",
                    was.effect(),
                    now.effect(),
                    "write".equals(now.effect()) ? "now writes" : null);
        }
        arguments(was.args(), now.args());
        clause(ChangeKind.GUARD, "when", was.when(), now.when(), null);
        clause(ChangeKind.GUARD, "unless", was.unless(), now.unless(), null);
        list(ChangeKind.GUARD, "require", was.requires(), now.requires(), "precondition removed");
        list(ChangeKind.VERIFY, "verify", was.verifies(), now.verifies(), "verify removed");
        clause(ChangeKind.UNDO, "undo", was.undo(), now.undo(), "undo removed");
        clause(ChangeKind.CONFIRM, "confirm", was.confirm(), now.confirm(), "confirm removed");
        clause(ChangeKind.TIMEOUT, "timeout", was.timeout(), now.timeout(), null);
        clause(ChangeKind.RETRY, "retry", was.retry(), now.retry(), null);
        clause(ChangeKind.ON_FAILURE, "on_failure", was.onFailure(), now.onFailure(), null);
        clause(ChangeKind.ARGUMENT, "call", was.call(), now.call(), null);
    }

    /**
     * A step moved when what it waits for changed. Its wave is shown but not compared on its own: a wave is one more
     * than the latest wave it waits for, so a step inserted earlier would shift every later wave.
     */
    private void moved(PlanStep was, PlanStep now) {
        if (!was.needs().equals(now.needs())) {
            add(ChangeKind.STEP_MOVED, "needs", position(was), position(now), null);
        }
    }

    private static String position(PlanStep s) {
        return "wave " + (s.wave() + 1) + ", after " + (s.needs().isEmpty() ? "nothing" : String.join(", ", s.needs()));
    }

    private void arguments(Map<String, Object> was, Map<String, Object> now) {
        Map<String, Object> names = new java.util.LinkedHashMap<>(was);
        now.forEach(names::putIfAbsent);
        for (String name : names.keySet()) {
            Object before = was.get(name);
            Object after = now.get(name);
            if (!Objects.equals(before, after)) {
                add(
                        ChangeKind.ARGUMENT,
                        "argument `" + name + "`",
                        before == null ? null : Json.write(before),
                        after == null ? null : Json.write(after),
                        dropOn(name, before, after));
            }
        }
    }

    private static String dropOn(String name, Object before, Object after) {
        return name.equals("drop") && Boolean.TRUE.equals(after) && !Boolean.TRUE.equals(before)
                ? "drop switched on"
                : null;
    }

    private void clause(ChangeKind kind, String detail, String before, String after, String riskWhenRemoved) {
        if (!Objects.equals(before, after)) {
            add(kind, detail, before, after, after == null ? riskWhenRemoved : null);
        }
    }

    /** Lists of conditions: one removed and one added is a change; a removed one alone may be risky. */
    private void list(ChangeKind kind, String detail, List<String> before, List<String> after, String risk) {
        List<String> removed = before.stream().filter(b -> !after.contains(b)).toList();
        List<String> added = after.stream().filter(a -> !before.contains(a)).toList();
        int paired = Math.min(removed.size(), added.size());
        for (int i = 0; i < paired; i++) {
            add(kind, detail, removed.get(i), added.get(i), null);
        }
        removed.subList(paired, removed.size()).forEach(b -> add(kind, detail, b, null, risk));
        added.subList(paired, added.size()).forEach(a -> add(kind, detail, null, a, null));
    }

    private void add(ChangeKind kind, String detail, String before, String after, String risk) {
        out.add(new Change(kind, subject, detail, before, after, risk));
    }
}
