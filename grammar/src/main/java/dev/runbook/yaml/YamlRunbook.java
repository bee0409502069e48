package dev.runbook.yaml;

import dev.runbook.model.Guard;
import dev.runbook.model.Invariant;
import dev.runbook.model.Item;
import dev.runbook.model.Param;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.Expr;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** The document: {@code runbook: name} and the runbook's members. */
final class YamlRunbook {
    static final List<String> KEYS = List.of(
            "runbook",
            "description",
            "params",
            "lock",
            "require",
            "steps",
            "finally",
            "on_failure",
            "verify",
            "invariant");

    private YamlRunbook() {}

    static Runbook decode(Node root, YamlValues values) {
        YamlMap map = YamlMap.of(root, values, "a runbook", KEYS, true);
        if (map == null) {
            return null;
        }
        Node nameNode = map.require("runbook", "a runbook");
        String name = nameNode == null ? null : values.text(nameNode, "`runbook` (the name)");
        String description = map.has("description") ? values.text(map.get("description"), "`description`") : null;
        List<Param> params = map.has("params") ? YamlParams.decode(map.get("params"), values) : List.of();
        Expr lock = map.has("lock") ? values.template(map.get("lock"), "`lock`") : null;
        List<Guard> requires = map.has("require") ? YamlGuards.decode(map.get("require"), values) : List.of();
        List<Item> items = map.has("steps") ? YamlSteps.decodeItems(map.get("steps"), values) : List.of();
        List<Step> finallySteps =
                map.has("finally") ? YamlSteps.decodeSteps(map.get("finally"), values, "`finally`") : List.of();
        List<Step> onFailure = map.has("on_failure")
                ? YamlSteps.decodeSteps(map.get("on_failure"), values, "`on_failure`")
                : List.of();
        List<Verify> verifies = map.has("verify") ? YamlVerify.decodeRunbook(map.get("verify"), values) : List.of();
        List<Invariant> invariants =
                map.has("invariant") ? YamlInvariant.decode(map.get("invariant"), values) : List.of();
        if (name == null) {
            return null;
        }
        return new Runbook(
                name,
                values.span(nameNode),
                description,
                params,
                lock,
                requires,
                items,
                finallySteps,
                onFailure,
                verifies,
                invariants,
                values.file(),
                values.span(root));
    }
}
