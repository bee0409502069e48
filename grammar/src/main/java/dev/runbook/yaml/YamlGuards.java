package dev.runbook.yaml;

import dev.runbook.model.Guard;
import dev.runbook.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** {@code require:} a list of preconditions, each {@code "expr"} or {@code {message: "...", that: "expr"}}. */
final class YamlGuards {
    private static final List<String> KEYS = List.of("message", "that");

    private YamlGuards() {}

    static List<Guard> decode(Node node, YamlValues values) {
        List<Guard> guards = new ArrayList<>();
        for (Node item : values.oneOrMany(node)) {
            Guard g = decodeOne(item, values);
            if (g != null) {
                guards.add(g);
            }
        }
        return guards;
    }

    private static Guard decodeOne(Node node, YamlValues values) {
        if (node instanceof ScalarNode) {
            Expr condition = values.expression(node, "`require`");
            return condition == null ? null : new Guard(null, condition, values.span(node));
        }
        YamlMap map = YamlMap.of(node, values, "a `require` entry", KEYS);
        if (map == null) {
            return null;
        }
        Node that = map.require("that", "a `require` entry");
        Expr message = map.has("message") ? values.template(map.get("message"), "`message`") : null;
        Expr condition = that == null ? null : values.expression(that, "`that`");
        return condition == null ? null : new Guard(message, condition, map.whole());
    }
}
