package dev.runbook.yaml;

import dev.runbook.model.Retry;
import dev.runbook.model.expr.Expr;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** {@code retry: 3}, or {@code retry: {attempts: 3, delay: 2s, backoff: 2}}. */
final class YamlRetry {
    private static final List<String> KEYS = List.of("attempts", "delay", "backoff");

    private YamlRetry() {}

    static Retry decode(Node key, Node node, YamlValues values) {
        if (node instanceof ScalarNode) {
            Expr attempts = values.number(node, "`retry`");
            return attempts == null ? null : new Retry(attempts, null, null, values.span(key, node));
        }
        YamlMap map = YamlMap.of(node, values, "`retry`", KEYS);
        if (map == null) {
            return null;
        }
        Node attemptsNode = map.require("attempts", "`retry`");
        Expr attempts = attemptsNode == null ? null : values.number(attemptsNode, "`attempts`");
        Expr delay = map.has("delay") ? values.duration(map.get("delay"), "`delay`") : null;
        Expr backoff = map.has("backoff") ? values.number(map.get("backoff"), "`backoff`") : null;
        return attempts == null ? null : new Retry(attempts, delay, backoff, values.span(key, node));
    }
}
