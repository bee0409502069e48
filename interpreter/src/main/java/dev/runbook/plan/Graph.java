package dev.runbook.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The main steps as a graph of dependencies: waves of steps that may run together, and any cycles. */
public final class Graph {
    private final List<String> nodes;
    private final Map<String, List<Edge>> incoming = new LinkedHashMap<>();

    public Graph(List<String> nodes, List<Edge> edges) {
        this.nodes = List.copyOf(nodes);
        nodes.forEach(n -> incoming.put(n, new ArrayList<>()));
        for (Edge e : edges) {
            List<Edge> in = incoming.get(e.to());
            if (in != null
                    && incoming.containsKey(e.from())
                    && !e.from().equals(e.to())
                    && in.stream().noneMatch(x -> x.from().equals(e.from()))) {
                in.add(e);
            }
        }
    }

    public List<String> nodes() {
        return nodes;
    }

    /** The steps {@code id} waits for, in the order they were found. */
    public List<Edge> incoming(String id) {
        return incoming.getOrDefault(id, List.of());
    }

    public List<String> needs(String id) {
        List<String> out = new ArrayList<>();
        incoming(id).forEach(e -> out.add(e.from()));
        return out;
    }

    /** Kahn's layering: wave k holds the steps whose longest chain of dependencies has length k. */
    public List<List<String>> waves() {
        Map<String, Integer> level = new HashMap<>();
        List<List<String>> waves = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        boolean progress = true;
        while (placed.size() < nodes.size() && progress) {
            progress = false;
            for (String n : nodes) {
                if (placed.contains(n) || !placed.containsAll(needs(n))) {
                    continue;
                }
                int l = 0;
                for (String d : needs(n)) {
                    l = Math.max(l, level.get(d) + 1);
                }
                level.put(n, l);
                placed.add(n);
                progress = true;
            }
        }
        for (String n : nodes) {
            Integer l = level.get(n);
            if (l == null) {
                continue;
            }
            while (waves.size() <= l) {
                waves.add(new ArrayList<>());
            }
            waves.get(l).add(n);
        }
        return waves;
    }

    /** Each distinct cycle once, as the edges that close it. */
    public List<List<Edge>> cycles() {
        List<List<Edge>> found = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        Map<String, Integer> state = new HashMap<>();
        for (String n : nodes) {
            if (!state.containsKey(n)) {
                walk(n, state, new ArrayList<>(List.of(n)), new ArrayList<>(), found, seen);
            }
        }
        return found;
    }

    /** Depth-first along dependencies; {@code edges.get(i)} leads from {@code stack.get(i)} to the next node. */
    private void walk(
            String node,
            Map<String, Integer> state,
            List<String> stack,
            List<Edge> edges,
            List<List<Edge>> found,
            Set<Set<String>> seen) {
        state.put(node, 1);
        for (Edge e : incoming(node)) {
            Integer s = state.get(e.from());
            if (s == null) {
                stack.add(e.from());
                edges.add(e);
                walk(e.from(), state, stack, edges, found, seen);
                stack.remove(stack.size() - 1);
                edges.remove(edges.size() - 1);
            } else if (s == 1) {
                int j = stack.indexOf(e.from());
                List<Edge> cycle = new ArrayList<>(edges.subList(j, edges.size()));
                cycle.add(e);
                if (seen.add(new HashSet<>(stack.subList(j, stack.size())))) {
                    found.add(cycle);
                }
            }
        }
        state.put(node, 2);
    }
}
