package dev.runbook.cli;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Graph;
import dev.runbook.model.Runbook;
import dev.runbook.plan.CheckedRunbook;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A runbook that was read and checked without errors. */
record Loaded(Path path, Runbook runbook, CheckContext checked) {
    Path dir() {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** The checker's result as the planner takes it (the planner does not know the checker). */
    CheckedRunbook forPlanner() {
        Graph graph = checked.graph();
        Map<String, List<String>> needs = new LinkedHashMap<>();
        graph.nodes().forEach(id -> needs.put(id, graph.needs(id)));
        return new CheckedRunbook(runbook, checked.registry(), graph.waves(), needs);
    }
}
