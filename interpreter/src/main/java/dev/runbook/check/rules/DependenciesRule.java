package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Item;
import dev.runbook.model.NameRef;
import dev.runbook.model.Parallel;
import dev.runbook.model.Step;
import dev.runbook.plan.Edge;
import dev.runbook.plan.Graph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the graph of the main steps (file order, {@code needs}, {@code steps.x} reads) and reports cycles
 * (RB0115) with the span of each edge. Runs after ExpressionsRule, which records the reads.
 *
 * <p>Two steps with one id are one node here, so a duplicated id can close a cycle that is not in the file; RB0110
 * already reports the duplicate, and a cycle through it is left until the ids are unique.
 */
public final class DependenciesRule implements Rule {
    @Override
    public void check(CheckContext context) {
        List<String> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        List<Step> previous = List.of();
        for (Item item : context.runbook().items()) {
            if (item instanceof HostBlock h) {
                previous = hostBlock(context, h, previous, nodes, edges);
                continue;
            }
            List<Step> group = item instanceof Parallel p ? p.steps() : List.of((Step) item);
            for (Step s : group) {
                nodes.add(s.id());
                if (s.needs().isEmpty()) {
                    previous.forEach(p -> edges.add(new Edge(p.id(), s.id(), Edge.Kind.ORDER, s.idSpan())));
                }
                needs(context, s, edges);
                edges.addAll(context.references(s.id()));
            }
            previous = group;
        }
        Graph graph = new Graph(nodes, edges);
        context.setGraph(graph);
        Set<String> duplicated = duplicatedIds(context);
        for (List<Edge> cycle : graph.cycles()) {
            if (cycle.stream().noneMatch(e -> duplicated.contains(e.from()))) {
                report(context, cycle);
            }
        }
    }

    /**
     * The steps of an {@code on} block come after the items before it and one after the other (or as their
     * {@code needs} say); the item after the block waits for all of them.
     */
    private static List<Step> hostBlock(
            CheckContext context, HostBlock h, List<Step> before, List<String> nodes, List<Edge> edges) {
        if (h.steps().isEmpty()) {
            return before;
        }
        List<Step> previous = List.of();
        for (Step s : h.steps()) {
            nodes.add(s.id());
            before.forEach(p -> edges.add(new Edge(p.id(), s.id(), Edge.Kind.ORDER, s.idSpan())));
            if (s.needs().isEmpty()) {
                previous.forEach(p -> edges.add(new Edge(p.id(), s.id(), Edge.Kind.ORDER, s.idSpan())));
            }
            needs(context, s, edges);
            edges.addAll(context.references(s.id()));
            previous = List.of(s);
        }
        return h.steps();
    }

    /** A need of an {@code on} block is a need of each of its steps. */
    private static void needs(CheckContext context, Step s, List<Edge> edges) {
        for (NameRef n : s.needs()) {
            HostBlock block = context.runbook().hostBlocks().isEmpty() ? null : context.hostBlock(n.name());
            if (block == null) {
                edges.add(new Edge(n.name(), s.id(), Edge.Kind.NEEDS, n.span()));
            } else {
                block.steps().forEach(b -> edges.add(new Edge(b.id(), s.id(), Edge.Kind.NEEDS, n.span())));
            }
        }
    }

    private static Set<String> duplicatedIds(CheckContext context) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicated = new HashSet<>();
        for (Step s : context.runbook().allSteps()) {
            if (!seen.add(s.id())) {
                duplicated.add(s.id());
            }
        }
        return duplicated;
    }

    private static void report(CheckContext context, List<Edge> cycle) {
        StringBuilder path = new StringBuilder();
        for (Edge e : cycle) {
            path.append(e.from()).append(" -> ");
        }
        path.append(cycle.get(0).from());
        Edge first = cycle.get(0);
        Diagnostic d = Diagnostic.error("RB0115", first.span(), "steps depend on each other in a cycle: " + path);
        for (Edge e : cycle) {
            d = d.withNote(e.span(), "`" + e.to() + "` " + why(e) + " `" + e.from() + "`");
        }
        context.diagnostics().add(d);
    }

    private static String why(Edge e) {
        return switch (e.kind()) {
            case NEEDS -> "needs";
            case REFERENCE -> "reads the outputs of";
            case ORDER -> "comes after";
        };
    }
}
