package dev.runbook.yaml;

import dev.runbook.model.Invariant;
import dev.runbook.model.Invocation;
import dev.runbook.model.NameRef;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code invariant:}: a list of {@code {id, type, with?, compare?}}, each a read step compared before and after. */
final class YamlInvariant {
    private static final List<String> KEYS = List.of("id", "type", "with", "compare");

    private YamlInvariant() {}

    static List<Invariant> decode(Node node, YamlValues values) {
        List<Invariant> out = new ArrayList<>();
        for (Node item : values.list(node, "`invariant`")) {
            YamlMap map = YamlMap.of(item, values, "an invariant", KEYS);
            if (map == null) {
                continue;
            }
            Node idNode = map.require("id", "an invariant");
            String id = idNode == null ? null : values.string(idNode, "`id`");
            if (id != null && !YamlParams.NAME.matcher(id).matches()) {
                values.wrongKind(idNode, "invariant id `" + id + "` must be letters, digits and _");
                id = null;
            }
            Invocation probe = YamlInvocation.decode(map, values, "invariant" + (id == null ? "" : " `" + id + "`"));
            List<NameRef> compare = new ArrayList<>();
            if (map.has("compare")) {
                for (Node field : values.oneOrMany(map.get("compare"))) {
                    String name = values.string(field, "an entry of `compare`");
                    if (name != null) {
                        compare.add(new NameRef(name, values.span(field)));
                    }
                }
            }
            if (id != null && probe != null) {
                out.add(new Invariant(id, values.span(idNode), probe, compare, map.whole()));
            }
        }
        return out;
    }
}
