package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Item;
import dev.runbook.model.Parallel;
import dev.runbook.model.Step;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** A list of steps; in {@code steps:} an entry may also be {@code parallel: [steps]}. */
final class YamlSteps {
    static final String PARALLEL = "parallel";

    private YamlSteps() {}

    /** {@code steps:}: steps and parallel blocks. */
    static List<Item> decodeItems(Node node, YamlValues values) {
        List<Item> items = new ArrayList<>();
        for (Node entry : values.list(node, "`steps`")) {
            if (hasParallel(entry)) {
                Parallel p = parallel(entry, values);
                if (p != null) {
                    items.add(p);
                }
                continue;
            }
            Step s = YamlStep.decode(entry, values);
            if (s != null) {
                items.add(s);
            }
        }
        return items;
    }

    /** {@code finally:} and {@code on_failure:}: plain steps only. */
    static List<Step> decodeSteps(Node node, YamlValues values, String what) {
        List<Step> steps = new ArrayList<>();
        for (Node entry : values.list(node, what)) {
            if (hasParallel(entry)) {
                Node key = parallelKey((MappingNode) entry);
                values.report(Diagnostic.error("RB0013", values.span(key), "unknown key `parallel` in " + what)
                        .withHint("parallel blocks are only allowed in `steps`"));
                continue;
            }
            Step s = YamlStep.decode(entry, values);
            if (s != null) {
                steps.add(s);
            }
        }
        return steps;
    }

    private static Parallel parallel(Node entry, YamlValues values) {
        YamlMap map = YamlMap.of(entry, values, "a parallel block", List.of(PARALLEL));
        if (map == null || !map.has(PARALLEL)) {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        for (Node item : values.list(map.get(PARALLEL), "`parallel`")) {
            if (hasParallel(item)) {
                values.report(Diagnostic.error(
                                "RB0013",
                                values.span(parallelKey((MappingNode) item)),
                                "unknown key `parallel` in a parallel block")
                        .withHint("parallel blocks do not nest"));
                continue;
            }
            Step s = YamlStep.decode(item, values);
            if (s != null) {
                steps.add(s);
            }
        }
        return new Parallel(steps, map.whole());
    }

    private static boolean hasParallel(Node node) {
        return node instanceof MappingNode m && parallelKey(m) != null;
    }

    private static Node parallelKey(MappingNode m) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && PARALLEL.equals(s.getValue())) {
                return s;
            }
        }
        return null;
    }
}
