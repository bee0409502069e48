package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping whose keys were checked: every key a string, none given twice (RB0016), and, when the known keys
 * are given, none unknown (RB0013, with a "did you mean"). Keys keep their written order; merge keys
 * ({@code <<: *base}) were already resolved by the composer.
 */
final class YamlMap {
    private final MappingNode node;
    private final Map<String, NodeTuple> entries;
    private final YamlValues values;

    private YamlMap(MappingNode node, Map<String, NodeTuple> entries, YamlValues values) {
        this.node = node;
        this.entries = entries;
        this.values = values;
    }

    /** The checked map, or null after RB0014 when the node is not a mapping. */
    static YamlMap of(Node node, YamlValues values, String what, List<String> known) {
        return of(node, values, what, known, false);
    }

    /**
     * @param extensions whether keys starting with {@code x-} are allowed and ignored (a place for anchors, as in
     *                   docker compose)
     */
    static YamlMap of(Node node, YamlValues values, String what, List<String> known, boolean extensions) {
        if (!(node instanceof MappingNode mapping)) {
            values.wrongKind(node, what + " must be a mapping (key: value)");
            return null;
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                values.wrongKind(t.getKeyNode(), "a key in " + what + " must be a plain name, not a list or mapping");
                continue;
            }
            String name = key.getValue();
            NodeTuple first = entries.get(name);
            if (first != null) {
                values.report(Diagnostic.error("RB0016", values.span(key), "duplicate key `" + name + "` in " + what)
                        .withNote(values.span(first.getKeyNode()), "first given here"));
                continue;
            }
            if (known != null && !known.contains(name) && !(extensions && name.startsWith("x-"))) {
                unknown(values, key, name, what, known);
                continue;
            }
            entries.put(name, t);
        }
        return new YamlMap(mapping, entries, values);
    }

    private static void unknown(YamlValues values, ScalarNode key, String name, String what, List<String> known) {
        Diagnostic d = Diagnostic.error("RB0013", values.span(key), "unknown key `" + name + "` in " + what);
        String guess = KeySuggestions.closest(name, known);
        d = guess != null
                ? d.withHint("did you mean `" + guess + "`?")
                : d.withHint("known keys: " + String.join(", ", known));
        values.report(d);
    }

    Set<String> keys() {
        return entries.keySet();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value node of a key, or null when absent. */
    Node get(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    Node keyNode(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getKeyNode();
    }

    /** The value node of a required key, or null after RB0015. */
    Node require(String key, String what) {
        Node value = get(key);
        if (value == null) {
            values.report(Diagnostic.error("RB0015", span(), what + " needs `" + key + "`"));
        }
        return value;
    }

    Map<String, NodeTuple> entries() {
        return entries;
    }

    MappingNode node() {
        return node;
    }

    /** Where the mapping starts: its first key, not the whole block, so carets point at one line. */
    Span span() {
        if (!node.getValue().isEmpty()) {
            return values.span(node.getValue().get(0).getKeyNode());
        }
        return values.span(node);
    }

    Span whole() {
        return values.span(node);
    }
}
