package dev.runbook.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A {@code vars:} mapping read into plain values, as the YAML core schema types them: String, Long, Double, Boolean,
 * null, and unmodifiable List and Map of those. Var names are identifiers (RB0706), since runbooks read them as
 * names; keys of nested maps are free.
 */
final class VarValues {
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final InventoryNodes nodes;

    VarValues(InventoryNodes nodes) {
        this.nodes = nodes;
    }

    /** The vars of a {@code vars:} value, in written order (empty after a diagnostic). */
    Map<String, Object> read(Node node, String what) {
        Map<String, NodeTuple> entries = nodes.map(node, what, null, "var");
        Map<String, Object> out = new LinkedHashMap<>();
        if (entries == null) {
            return out;
        }
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String name = e.getKey();
            if (!IDENTIFIER.matcher(name).matches()) {
                notAnIdentifier(e.getValue().getKeyNode(), name, what);
                continue;
            }
            out.put(name, value(e.getValue().getValueNode()));
        }
        return out;
    }

    private void notAnIdentifier(Node key, String name, String what) {
        String fixed = name.replaceAll("[^A-Za-z0-9_]", "_");
        fixed = fixed.isEmpty() || Character.isDigit(fixed.charAt(0)) ? "_" + fixed : fixed;
        nodes.report(dev.runbook.diagnostic.Diagnostic.error(
                        "RB0706",
                        nodes.span(key),
                        "var name `" + name + "` in " + what
                                + " is not an identifier (letters, digits and _, not starting with a digit)")
                .withHint("did you mean `" + fixed + "`?"));
    }

    private Object value(Node node) {
        if (node instanceof SequenceNode seq) {
            List<Object> items = new ArrayList<>();
            seq.getValue().forEach(n -> items.add(value(n)));
            return Collections.unmodifiableList(items);
        }
        if (node instanceof MappingNode map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                Object key = value(t.getKeyNode());
                entries.put(String.valueOf(key), value(t.getValueNode()));
            }
            return Collections.unmodifiableMap(entries);
        }
        return scalar((ScalarNode) node);
    }

    private Object scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return v.equalsIgnoreCase("true");
        }
        if (tag.equals(Tag.INT)) {
            Long n = integer(v);
            if (n == null) {
                nodes.error("RB0700", s, "the number `" + v + "` is too large (at most " + Long.MAX_VALUE + ")");
            }
            return n;
        }
        if (tag.equals(Tag.FLOAT)) {
            return decimal(v);
        }
        return v;
    }

    /** A YAML core schema int ({@code 12}, {@code -3}, {@code 0x1F}, {@code 0o17}), or null past a long. */
    static Long integer(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        boolean negative = t.startsWith("-");
        String digits = negative ? t.substring(1) : t;
        int radix = 10;
        if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        }
        try {
            BigInteger n = new BigInteger(digits, radix);
            n = negative ? n.negate() : n;
            return n.bitLength() < 64 ? n.longValue() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith(".nan")) {
            return Double.NaN;
        }
        if (t.endsWith(".inf")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(text);
    }
}
