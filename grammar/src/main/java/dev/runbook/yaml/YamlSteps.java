package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Item;
import dev.runbook.model.Parallel;
import dev.runbook.model.Step;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A list of steps; in {@code steps:} an entry may also be {@code parallel: [steps]} or a block that runs on hosts
 * ({@code on: group}).
 */
final class YamlSteps {
    static final String PARALLEL = "parallel";

    private YamlSteps() {}

    /** {@code steps:}: steps, parallel blocks and host blocks. */
    static List<Item> decodeItems(Node node, YamlValues values) {
        List<Item> items = new ArrayList<>();
        for (Node entry : values.list(node, "`steps`")) {
            if (keyOf(entry, YamlHostBlock.ON) != null) {
                HostBlock h = YamlHostBlock.decode(entry, values);
                if (h != null) {
                    items.add(h);
                }
                continue;
            }
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

    /** {@code finally:}, {@code on_failure:} and the steps of an {@code on} block: plain steps only. */
    static List<Step> decodeSteps(Node node, YamlValues values, String what) {
        List<Step> steps = new ArrayList<>();
        for (Node entry : values.list(node, what)) {
            if (hasParallel(entry)) {
                Node key = parallelKey((MappingNode) entry);
                values.report(Diagnostic.error("RB0013", values.span(key), "unknown key `parallel` in " + what)
                        .withHint("parallel blocks are only allowed in `steps`"));
                continue;
            }
            if (keyOf(entry, YamlHostBlock.ON) != null) {
                values.report(Diagnostic.error(
                                "RB0013", values.span(keyOf(entry, YamlHostBlock.ON)), "unknown key `on` in " + what)
                        .withHint("`on` blocks are only allowed in the runbook's `steps`"));
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
            if (keyOf(item, YamlHostBlock.ON) != null) {
                values.report(Diagnostic.error(
                                "RB0013",
                                values.span(keyOf(item, YamlHostBlock.ON)),
                                "unknown key `on` in a parallel block")
                        .withHint("`on` blocks are only allowed in the runbook's `steps`"));
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
        return keyOf(m, PARALLEL);
    }

    /** The key node {@code name} of a mapping, or null (also when the node is no mapping). */
    private static Node keyOf(Node node, String name) {
        if (!(node instanceof MappingNode m)) {
            return null;
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && name.equals(s.getValue())) {
                return s;
            }
        }
        return null;
    }
}
