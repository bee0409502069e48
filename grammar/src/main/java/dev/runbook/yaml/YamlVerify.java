package dev.runbook.yaml;

import dev.runbook.model.Invocation;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Post-conditions. On a step: {@code "expr"}, {@code {that: "expr", within: 30s, every: 2s}}, or a list of those.
 * On the runbook: a list of {@code {name, type?, with?, expect, within?, every?}}, the type being a read-only probe.
 */
final class YamlVerify {
    private static final List<String> STEP_KEYS = List.of("that", "within", "every");
    private static final List<String> RUNBOOK_KEYS =
            List.of("name", "type", "call", "with", "expect", "within", "every");

    private YamlVerify() {}

    static List<Verify> decodeStep(Node node, YamlValues values) {
        List<Verify> out = new ArrayList<>();
        for (Node item : values.oneOrMany(node)) {
            if (item instanceof ScalarNode) {
                Expr condition = values.expression(item, "`verify`");
                if (condition != null) {
                    out.add(new Verify(null, null, condition, null, null, values.span(item)));
                }
                continue;
            }
            YamlMap map = YamlMap.of(item, values, "a step's `verify`", STEP_KEYS);
            if (map == null) {
                continue;
            }
            Node that = map.require("that", "a step's `verify`");
            Expr condition = that == null ? null : values.expression(that, "`that`");
            Expr within = map.has("within") ? values.duration(map.get("within"), "`within`") : null;
            Expr every = map.has("every") ? values.duration(map.get("every"), "`every`") : null;
            if (condition != null) {
                out.add(new Verify(null, null, condition, within, every, map.whole()));
            }
        }
        return out;
    }

    static List<Verify> decodeRunbook(Node node, YamlValues values) {
        List<Verify> out = new ArrayList<>();
        for (Node item : values.list(node, "`verify`")) {
            YamlMap map = YamlMap.of(item, values, "a runbook `verify`", RUNBOOK_KEYS);
            if (map == null) {
                continue;
            }
            Node nameNode = map.require("name", "a runbook `verify`");
            Node expect = map.require("expect", "a runbook `verify`");
            String name = nameNode == null ? null : values.text(nameNode, "`name`");
            Invocation probe = null;
            if (map.has("type") || map.has("call")) {
                probe = YamlInvocation.decode(map, values, "a verify probe");
            } else if (map.has("with")) {
                map.require("type", "a verify with `with`");
            }
            Expr condition = expect == null ? null : values.expression(expect, "`expect`");
            Expr within = map.has("within") ? values.duration(map.get("within"), "`within`") : null;
            Expr every = map.has("every") ? values.duration(map.get("every"), "`every`") : null;
            if (name != null && condition != null) {
                out.add(new Verify(name, probe, condition, within, every, map.whole()));
            }
        }
        return out;
    }
}
