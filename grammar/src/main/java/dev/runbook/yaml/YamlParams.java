package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Param;
import dev.runbook.model.ParamType;
import dev.runbook.model.expr.Expr;
import dev.runbook.source.Span;
import dev.runbook.syntax.ParamTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code params:} a mapping of name to type ({@code target: string}, a required param) or to
 * {@code {type, default, description}}. Types are written as in the DSL: {@code int}, {@code enum("low", "high")}.
 */
final class YamlParams {
    private static final List<String> KEYS = List.of("type", "default", "description");
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TYPE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\((.*)\\))?\\s*");

    private YamlParams() {}

    static List<Param> decode(Node node, YamlValues values) {
        List<Param> params = new ArrayList<>();
        YamlMap map = YamlMap.of(node, values, "`params`", null);
        if (map == null) {
            return params;
        }
        for (Map.Entry<String, NodeTuple> e : map.entries().entrySet()) {
            Param p = decodeOne(e.getKey(), e.getValue(), values);
            if (p != null) {
                params.add(p);
            }
        }
        return params;
    }

    private static Param decodeOne(String name, NodeTuple entry, YamlValues values) {
        Node key = entry.getKeyNode();
        Node value = entry.getValueNode();
        if (!NAME.matcher(name).matches()) {
            values.wrongKind(key, "parameter name `" + name + "` must be letters, digits and _");
            return null;
        }
        Span span = values.span(key, value);
        if (value instanceof ScalarNode) {
            ParamType type = type(value, values);
            return type == null ? null : new Param(name, values.span(key), type, values.span(value), null, null, span);
        }
        YamlMap map = YamlMap.of(value, values, "parameter `" + name + "`", KEYS);
        if (map == null) {
            return null;
        }
        Node typeNode = map.require("type", "parameter `" + name + "`");
        ParamType type = typeNode == null ? null : type(typeNode, values);
        Expr defaultValue = map.has("default") ? values.value(map.get("default")) : null;
        String description = map.has("description") ? values.text(map.get("description"), "`description`") : null;
        return type == null
                ? null
                : new Param(name, values.span(key), type, values.span(typeNode), defaultValue, description, span);
    }

    private static ParamType type(Node node, YamlValues values) {
        String text = values.string(node, "a parameter type");
        if (text == null) {
            return null;
        }
        Matcher m = TYPE.matcher(text);
        if (!m.matches()) {
            values.report(Diagnostic.error("RB0004", values.span(node), "cannot read parameter type `" + text + "`")
                    .withHint("write a type name, or enum(\"a\", \"b\")"));
            return null;
        }
        ParamType.Kind kind = ParamTypes.kind(m.group(1));
        if (kind == null) {
            values.report(ParamTypes.unknown(m.group(1), values.span(node)));
            return null;
        }
        List<String> choices = choices(m.group(2));
        if (kind == ParamType.Kind.ENUM && choices.isEmpty()) {
            values.report(Diagnostic.error(
                    "RB0004", values.span(node), "enum needs its choices, e.g. enum(\"low\", \"high\")"));
            return null;
        }
        if (kind != ParamType.Kind.ENUM && m.group(2) != null) {
            values.report(Diagnostic.error("RB0004", values.span(node), "only enum takes a list of choices"));
            return null;
        }
        return new ParamType(kind, choices);
    }

    /** {@code "a", 'b', c}: quotes are optional around a choice. */
    private static List<String> choices(String list) {
        List<String> out = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String raw : list.split(",")) {
            String c = raw.strip();
            if (c.length() >= 2 && (c.startsWith("\"") && c.endsWith("\"") || c.startsWith("'") && c.endsWith("'"))) {
                c = c.substring(1, c.length() - 1);
            }
            out.add(c);
        }
        return out;
    }
}
