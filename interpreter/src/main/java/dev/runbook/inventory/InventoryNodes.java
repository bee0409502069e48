package dev.runbook.inventory;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.source.Span;
import dev.runbook.yaml.YamlDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The inventory's nodes read with their checks: mappings whose keys are names given once (RB0702) and known
 * (RB0701, with a "did you mean"), lists and scalars of the right kind (RB0700). Every problem points at the key or
 * value at fault.
 */
final class InventoryNodes {
    private final YamlDocument document;
    private final Diagnostics diagnostics;

    InventoryNodes(YamlDocument document, Diagnostics diagnostics) {
        this.document = document;
        this.diagnostics = diagnostics;
    }

    Span span(Node node) {
        return document.span(node);
    }

    void error(String code, Node at, String message) {
        diagnostics.add(Diagnostic.error(code, span(at), message));
    }

    void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    int errorCount() {
        return diagnostics.errorCount();
    }

    /** The value node of a key of a checked mapping, or null when absent. */
    static Node value(Map<String, NodeTuple> m, String key) {
        NodeTuple t = m.get(key);
        return t == null ? null : t.getValueNode();
    }

    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /**
     * The entries of a mapping by key, in written order; an empty map for an empty value, and null after RB0700 when
     * the node is not a mapping.
     *
     * @param known the keys allowed, or null for any name
     * @param item what a key is, for the message on a key given twice ("key", "host")
     */
    Map<String, NodeTuple> map(Node node, String what, List<String> known, String item) {
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            error("RB0700", node, what + " must be a mapping (key: value)");
            return null;
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key) || isNull(key)) {
                error("RB0700", t.getKeyNode(), "a key in " + what + " must be a name");
                continue;
            }
            String name = key.getValue();
            NodeTuple first = entries.get(name);
            if (first != null) {
                report(Diagnostic.error("RB0702", span(key), item + " `" + name + "` is given twice in " + what)
                        .withNote(span(first.getKeyNode()), "first given here"));
                continue;
            }
            if (known != null && !known.contains(name)) {
                unknown(key, name, what, known);
                continue;
            }
            entries.put(name, t);
        }
        return entries;
    }

    private void unknown(ScalarNode key, String name, String what, List<String> known) {
        Diagnostic d = Diagnostic.error("RB0701", span(key), "unknown key `" + name + "` in " + what);
        String guess = YamlDocument.closest(name, known);
        report(
                guess != null
                        ? d.withHint("did you mean `" + guess + "`?")
                        : d.withHint("known keys: " + String.join(", ", known)));
    }

    /** The items of a list (none for an empty value), or null after RB0700. */
    List<Node> list(Node node, String what) {
        if (isNull(node)) {
            return List.of();
        }
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        error("RB0700", node, what + " must be a list");
        return null;
    }

    /** A scalar's text, or null after RB0700 when it is empty, a list or a mapping. */
    String text(Node node, String what) {
        if (node instanceof ScalarNode s && !isNull(s)) {
            return s.getValue();
        }
        error("RB0700", node, what + " must be a single value" + (node instanceof ScalarNode ? ", not empty" : ""));
        return null;
    }

    /** A list of scalars' texts, or null after RB0700 on the list or the first item that is not one. */
    List<String> texts(Node node, String what) {
        List<Node> items = list(node, what);
        if (items == null) {
            return null;
        }
        List<String> out = new java.util.ArrayList<>();
        for (Node item : items) {
            if (!(item instanceof ScalarNode s) || isNull(s)) {
                error("RB0700", item, what + " must be a list of strings; this item is " + kind(item));
                return null;
            }
            out.add(s.getValue());
        }
        return out;
    }

    /** A port: a number from 1 to 65535, or null after RB0704. */
    Integer port(Node node, String what) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            Long n = VarValues.integer(s.getValue());
            if (n != null && n >= 1 && n <= 65535) {
                return n.intValue();
            }
        }
        String shown = node instanceof ScalarNode s ? "`" + s.getValue() + "`" : kind(node);
        error("RB0704", node, what + " must be a number from 1 to 65535, not " + shown);
        return null;
    }

    /** A bool, or null after RB0700. */
    Boolean bool(Node node, String what) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return s.getValue().equalsIgnoreCase("true");
        }
        error("RB0700", node, what + " must be true or false");
        return null;
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "empty" : "`" + ((ScalarNode) node).getValue() + "`";
    }
}
