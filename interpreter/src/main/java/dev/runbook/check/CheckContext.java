package dev.runbook.check;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.expr.Scope;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Param;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.model.Type;
import dev.runbook.plan.Edge;
import dev.runbook.plan.Graph;
import dev.runbook.source.Span;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the rules share: the runbook, the registry, the diagnostics, and facts earlier rules found. */
public final class CheckContext {
    private final Runbook runbook;
    private final StepRegistry registry;
    private final Diagnostics diagnostics;
    private final CallResolver calls;
    private final Map<String, List<Edge>> references = new LinkedHashMap<>();
    private final Set<String> usedParams = new java.util.HashSet<>();
    private Graph graph;
    private Map<String, Map<String, Type>> stepOutputs;
    private Map<String, Type> paramTypes;
    private Map<String, HostBlock> blockOfStep;

    /** What steps after an {@code on} block read of it: the hosts done, the hosts that failed, the batches run. */
    public static final Map<String, Type> HOST_BLOCK_OUTPUTS = hostBlockOutputs();

    private static Map<String, Type> hostBlockOutputs() {
        Map<String, Type> out = new LinkedHashMap<>();
        out.put("hosts", Type.LIST);
        out.put("failed", Type.LIST);
        out.put("batches", Type.INT);
        return java.util.Collections.unmodifiableMap(out);
    }

    public CheckContext(Runbook runbook, StepRegistry registry, Diagnostics diagnostics, CallResolver calls) {
        this.runbook = runbook;
        this.registry = registry;
        this.diagnostics = diagnostics;
        this.calls = calls;
    }

    public Runbook runbook() {
        return runbook;
    }

    public StepRegistry registry() {
        return registry;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public CallResolver calls() {
        return calls;
    }

    public Optional<StepType> type(String name) {
        return registry.find(name);
    }

    /** The output types of a step, empty when any output may be read (calls, unknown types). */
    public Map<String, Type> outputs(Step step) {
        Map<String, Type> out = new LinkedHashMap<>();
        type(step.type()).ifPresent(t -> t.outputs().forEach((OutputSpec o) -> out.put(o.name(), o.type())));
        return out;
    }

    public Map<String, Type> paramTypes() {
        if (paramTypes != null) {
            return paramTypes;
        }
        Map<String, Type> names = new LinkedHashMap<>();
        for (Param p : runbook.params()) {
            names.put(p.name(), p.type().valueType());
        }
        names.put("run", Type.MAP);
        paramTypes = java.util.Collections.unmodifiableMap(names);
        return paramTypes;
    }

    /** Every step's output types by id, and the outputs of each {@code on} block by its id, computed once. */
    private Map<String, Map<String, Type>> stepOutputs() {
        if (stepOutputs == null) {
            Map<String, Map<String, Type>> steps = new LinkedHashMap<>();
            runbook.allSteps().forEach(s -> steps.putIfAbsent(s.id(), outputs(s)));
            runbook.hostBlocks().forEach(h -> steps.putIfAbsent(h.id(), HOST_BLOCK_OUTPUTS));
            stepOutputs = java.util.Collections.unmodifiableMap(steps);
        }
        return stepOutputs;
    }

    /** The scope for expressions of {@code owner} (null: outside any step), recording step references. */
    public Scope scope(String owner) {
        Map<String, Map<String, Type>> steps = owner == null ? Map.of() : stepOutputs();
        HostBlock block = owner == null ? null : hostBlockOf(owner);
        return new Scope(
                paramTypes(), steps, null, (id, span) -> reference(owner, id, span), block == null ? null : block.id());
    }

    /** The scope of an {@code on} block's verifies: they run per host, from the runner, after the block's steps. */
    public Scope blockScope(HostBlock block) {
        return new Scope(paramTypes(), stepOutputs(), null, (id, span) -> {}, block.id());
    }

    /** The {@code on} block a main step belongs to, or null. */
    public HostBlock hostBlockOf(String stepId) {
        if (blockOfStep == null) {
            Map<String, HostBlock> found = new java.util.HashMap<>();
            for (HostBlock h : runbook.hostBlocks()) {
                h.steps().forEach(s -> found.putIfAbsent(s.id(), h));
            }
            blockOfStep = found;
        }
        return blockOfStep.get(stepId);
    }

    /** The {@code on} block with this id when no step has it, or null. */
    public HostBlock hostBlock(String id) {
        if (runbook.step(id).isPresent()) {
            return null;
        }
        return runbook.hostBlocks().stream()
                .filter(h -> h.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    /** A read of a block's outputs waits for all of its steps. */
    private void reference(String owner, String id, Span span) {
        if (owner == null) {
            return;
        }
        List<Edge> edges = references.computeIfAbsent(owner, k -> new ArrayList<>());
        HostBlock block = runbook.hostBlocks().isEmpty() ? null : hostBlock(id);
        if (block == null) {
            edges.add(new Edge(id, owner, Edge.Kind.REFERENCE, span));
            return;
        }
        block.steps().forEach(s -> edges.add(new Edge(s.id(), owner, Edge.Kind.REFERENCE, span)));
    }

    public List<Edge> references(String stepId) {
        return references.getOrDefault(stepId, List.of());
    }

    public void useParam(String name) {
        usedParams.add(name);
    }

    public Set<String> usedParams() {
        return usedParams;
    }

    public Graph graph() {
        return graph;
    }

    public void setGraph(Graph graph) {
        this.graph = graph;
    }
}
