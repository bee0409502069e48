package dev.runbook.plan;

import dev.runbook.model.HostBlock;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.spi.StepKinds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan shows and a run executes: a checked runbook, its dependency graph, and for each of its call steps
 * the checked runbook that step runs, read once when the plan was made. A run never reads a called file again, so
 * the tree a reviewer saw (and whose sources the plan hash covers) is the tree that runs.
 */
public record Program(Runbook runbook, Graph graph, Map<String, Program> calls, HostBlock block) {
    public Program {
        calls = Collections.unmodifiableMap(new LinkedHashMap<>(calls));
    }

    public Program(Runbook runbook, Graph graph, Map<String, Program> calls) {
        this(runbook, graph, calls, null);
    }

    /** True for the program of an {@code on} block: its steps run once per host of the block's target. */
    public boolean onHosts() {
        return block != null;
    }

    /** The program a call step runs, or null. */
    public Program call(String stepId) {
        return calls.get(stepId);
    }

    /** The folder a runbook's relative paths are resolved in. */
    public Path dir() {
        Path parent = Path.of(runbook.source().path()).toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** Every file in the tree, this one first, by its path relative to this runbook's folder, with its sha256. */
    public Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        collect(this, dir(), out);
        return out;
    }

    private static void collect(Program p, Path root, Map<String, String> out) {
        Path file = Path.of(p.runbook.source().path()).toAbsolutePath().normalize();
        String shown = root.relativize(file).toString();
        out.putIfAbsent(
                shown.isEmpty() ? file.getFileName().toString() : shown,
                p.runbook.source().sha256());
        p.calls.values().forEach(c -> collect(c, root, out));
    }

    /**
     * The paths of every step in the tree that asks for a confirmation ({@code confirm} clause or a {@code confirm}
     * step), nested steps as {@code call_id/step_id}.
     */
    public List<String> gates(StepKinds kinds) {
        return gates(kinds, s -> true);
    }

    /** As above, leaving out the steps of this runbook that {@code mayRun} rules out, and what they call. */
    public List<String> gates(StepKinds kinds, java.util.function.Predicate<Step> mayRun) {
        List<String> out = new ArrayList<>();
        for (Step s : runbook.allSteps()) {
            if (!mayRun.test(s)) {
                continue;
            }
            if (kinds.gate(s)) {
                out.add(s.id());
            }
            Program child = calls.get(s.id());
            if (child != null) {
                child.gates(kinds, s.id() + "/", out);
            }
        }
        return out;
    }

    private void gates(StepKinds kinds, String prefix, List<String> out) {
        for (Step s : runbook.allSteps()) {
            if (kinds.gate(s)) {
                out.add(prefix + s.id());
            }
            Program child = calls.get(s.id());
            if (child != null) {
                child.gates(kinds, prefix + s.id() + "/", out);
            }
        }
    }
}
