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
                // one node: the block runs as a whole, host by host; what its steps read outside it comes first
                nodes.add(h.id());
                previous.forEach(p -> edges.add(new Edge(p.id(), h.id(), Edge.Kind.ORDER, h.idSpan())));
                for (Step s : h.steps()) {
                    context.references(s.id()).stream()
                            .map(e -> new Edge(e.from(), h.id(), e.kind(), e.span()))
                            .forEach(edges::add);
                }
                previous = List.of(h.asStep());
                continue;
            }
            List<Step> group = item instanceof Parallel p ? p.steps() : List.of((Step) item);
            for (Step s : group) {
                nodes.add(s.id());
                if (s.needs().isEmpty()) {
                    previous.forEach(p -> edges.add(new Edge(p.id(), s.id(), Edge.Kind.ORDER, s.idSpan())));
                }
                for (NameRef n : s.needs()) {
                    edges.add(new Edge(n.name(), s.id(), Edge.Kind.NEEDS, n.span()));
                }
                edges.addAll(context.references(s.id()).stream()
                        .map(e -> blockOf(context, e))
                        .toList());
            }
            previous = group;
        }
        Graph graph = new Graph(nodes, edges);
        context.setGraph(graph);
        Set<String> duplicated = duplicatedIds(context);
        List<List<Edge>> cycles = new ArrayList<>(graph.cycles());
        context.runbook()
                .hostBlocks()
                .forEach(h -> cycles.addAll(blockGraph(context, h).cycles()));
        for (List<Edge> cycle : cycles) {
            if (cycle.stream().noneMatch(e -> duplicated.contains(e.from()))) {
                report(context, cycle);
            }
        }
    }

    /** A read of a step inside a host block depends on the whole block (the checker reports such reads). */
    private static Edge blockOf(CheckContext context, Edge e) {
        return context.runbook()
                .hostBlockOf(e.from())
                .map(h -> new Edge(h.id(), e.to(), e.kind(), e.span()))
                .orElse(e);
    }

    /** The graph of a host block's own steps: file order, {@code needs}, and reads between them. */
    public static Graph blockGraph(CheckContext context, HostBlock block) {
        List<String> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Step previous = null;
        for (Step s : block.steps()) {
            nodes.add(s.id());
            if (s.needs().isEmpty() && previous != null) {
                edges.add(new Edge(previous.id(), s.id(), Edge.Kind.ORDER, s.idSpan()));
            }
            for (NameRef n : s.needs()) {
                edges.add(new Edge(n.name(), s.id(), Edge.Kind.NEEDS, n.span()));
            }
            edges.addAll(context.references(s.id()));
            previous = s;
        }
        return new Graph(nodes, edges);
    }

    private static Set<String> duplicatedIds(CheckContext context) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicated = new HashSet<>();
        List<String> ids = new ArrayList<>();
        context.runbook().allSteps().forEach(s -> ids.add(s.id()));
        context.runbook().hostBlocks().forEach(h -> ids.add(h.id()));
        for (String id : ids) {
            if (!seen.add(id)) {
                duplicated.add(id);
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
