package dev.runbook.check.lint;

import dev.runbook.check.CheckContext;
import dev.runbook.model.Step;
import dev.runbook.plan.Graph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which steps come before and after which, in the checked graph: main steps by their dependencies, finally and
 * on-failure steps after every main step, one after another. Linear in the size of the graph, so a 10,000-step
 * runbook lints as fast as it checks.
 */
final class StepOrder {
    private final Graph graph;
    private final List<String> topological;
    private final Map<String, Step> byId = new HashMap<>();
    private final Map<String, List<String>> successors = new HashMap<>();
    private final List<List<Step>> chains;

    private StepOrder(CheckContext context, Graph graph, List<String> topological) {
        this.graph = graph;
        this.topological = topological;
        context.runbook().allSteps().forEach(s -> byId.putIfAbsent(s.id(), s));
        for (String n : topological) {
            graph.needs(n)
                    .forEach(p -> successors
                            .computeIfAbsent(p, k -> new ArrayList<>())
                            .add(n));
        }
        chains = List.of(context.runbook().finallySteps(), context.runbook().onFailureSteps());
    }

    /** The order, or null when the graph is missing or has a cycle (already an error). */
    static StepOrder of(CheckContext context) {
        Graph graph = context.graph();
        if (graph == null) {
            return null;
        }
        List<String> topological = new ArrayList<>();
        graph.waves().forEach(topological::addAll);
        return topological.size() == graph.nodes().size() ? new StepOrder(context, graph, topological) : null;
    }

    /** Ids of the steps with a step matching {@code match} somewhere before them. */
    Set<String> withEarlier(Predicate<Step> match) {
        Set<String> out = new HashSet<>();
        boolean anyMain = false;
        for (String n : topological) {
            Step self = byId.get(n);
            anyMain |= self != null && match.test(self);
            for (String p : graph.needs(n)) {
                Step before = byId.get(p);
                if (out.contains(p) || before != null && match.test(before)) {
                    out.add(n);
                    break;
                }
            }
        }
        for (List<Step> chain : chains) {
            boolean seen = anyMain;
            for (Step s : chain) {
                if (seen) {
                    out.add(s.id());
                }
                seen |= match.test(s);
            }
        }
        return out;
    }

    /** Ids of the steps with a step matching {@code match} somewhere after them. */
    Set<String> withLater(Predicate<Step> match) {
        Set<String> out = new HashSet<>();
        for (int i = topological.size() - 1; i >= 0; i--) {
            String n = topological.get(i);
            for (String s : successors.getOrDefault(n, List.of())) {
                Step after = byId.get(s);
                if (out.contains(s) || after != null && match.test(after)) {
                    out.add(n);
                    break;
                }
            }
        }
        for (List<Step> chain : chains) {
            boolean seen = false;
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (seen) {
                    out.add(chain.get(i).id());
                }
                seen |= match.test(chain.get(i));
            }
        }
        return out;
    }
}
