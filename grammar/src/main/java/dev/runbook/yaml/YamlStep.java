package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Confirm;
import dev.runbook.model.FailurePolicy;
import dev.runbook.model.Guard;
import dev.runbook.model.Invocation;
import dev.runbook.model.NameRef;
import dev.runbook.model.Retry;
import dev.runbook.model.Step;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** One step: {@code {id, type | call, with, when, unless, require, verify, retry, timeout, confirm, undo, ...}}. */
final class YamlStep {
    static final List<String> KEYS = List.of(
            "id",
            "type",
            "call",
            "with",
            "when",
            "unless",
            "require",
            "verify",
            "retry",
            "timeout",
            "confirm",
            "undo",
            "on_failure",
            "needs");

    private YamlStep() {}

    static Step decode(Node node, YamlValues values) {
        YamlMap map = YamlMap.of(node, values, "a step", KEYS);
        if (map == null) {
            return null;
        }
        Node idNode = map.require("id", "a step");
        String id = idNode == null ? null : id(idNode, values);
        Invocation invocation = YamlInvocation.decode(map, values, "step" + (id == null ? "" : " `" + id + "`"));
        Expr when = map.has("when") ? values.expression(map.get("when"), "`when`") : null;
        Expr unless = map.has("unless") ? values.expression(map.get("unless"), "`unless`") : null;
        List<Guard> requires = map.has("require") ? YamlGuards.decode(map.get("require"), values) : List.of();
        List<Verify> verifies = map.has("verify") ? YamlVerify.decodeStep(map.get("verify"), values) : List.of();
        Retry retry = map.has("retry") ? YamlRetry.decode(map.keyNode("retry"), map.get("retry"), values) : null;
        Expr timeout = map.has("timeout") ? values.duration(map.get("timeout"), "`timeout`") : null;
        Confirm confirm = null;
        if (map.has("confirm")) {
            Expr message = values.template(map.get("confirm"), "`confirm`");
            confirm = message == null
                    ? null
                    : new Confirm(message, values.span(map.keyNode("confirm"), map.get("confirm")));
        }
        Invocation undo = map.has("undo") ? YamlInvocation.decodeShortOrLong(map.get("undo"), values, "`undo`") : null;
        FailurePolicy onFailure = map.has("on_failure") ? policy(map.get("on_failure"), values) : null;
        List<NameRef> needs = map.has("needs") ? needs(map.get("needs"), values) : List.of();
        if (id == null || invocation == null) {
            return null;
        }
        return new Step(
                id,
                values.span(idNode),
                invocation,
                when,
                unless,
                requires,
                verifies,
                retry,
                timeout,
                confirm,
                undo,
                onFailure,
                needs,
                map.whole());
    }

    private static String id(Node node, YamlValues values) {
        String id = values.string(node, "`id`");
        if (id != null && !YamlParams.NAME.matcher(id).matches()) {
            values.wrongKind(node, "step id `" + id + "` must be letters, digits and _");
            return null;
        }
        return id;
    }

    private static FailurePolicy policy(Node node, YamlValues values) {
        String text = values.string(node, "`on_failure`");
        if (text == null) {
            return null;
        }
        FailurePolicy p = FailurePolicy.parse(text);
        if (p == null) {
            values.report(Diagnostic.error(
                    "RB0006",
                    values.span(node),
                    "unknown on_failure policy `" + text + "`; use undo, continue or stop"));
        }
        return p;
    }

    private static List<NameRef> needs(Node node, YamlValues values) {
        List<NameRef> out = new ArrayList<>();
        for (Node item : values.oneOrMany(node)) {
            String name = values.string(item, "an entry of `needs`");
            if (name != null) {
                out.add(new NameRef(name, values.span(item)));
            }
        }
        return out;
    }
}
