package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Arg;
import dev.runbook.model.Invocation;
import dev.runbook.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code type: file.backup} or {@code call: other.rb}, with its {@code with:} arguments. Short form (undo only):
 * just the type name, {@code undo: pm2.start}.
 */
final class YamlInvocation {
    static final List<String> KEYS = List.of("type", "call", "with");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private YamlInvocation() {}

    /** An undo: a type name, or a mapping of {@link #KEYS}. */
    static Invocation decodeShortOrLong(Node node, YamlValues values, String what) {
        if (node instanceof ScalarNode s && !YamlValues.isNull(s)) {
            String type = typeName(s, values);
            return type == null ? null : new Invocation(type, values.span(s), null, null, List.of(), values.span(s));
        }
        YamlMap map = YamlMap.of(node, values, what, KEYS);
        return map == null ? null : decode(map, values, what);
    }

    /** The invocation held by a mapping that also has other keys (a step, a verify with a probe). */
    static Invocation decode(YamlMap map, YamlValues values, String what) {
        Node type = map.get("type");
        Node call = map.get("call");
        if (type != null && call != null) {
            values.report(Diagnostic.error(
                    "RB0014", values.span(map.keyNode("call")), what + " has both `type` and `call`; keep one"));
            return null;
        }
        if (type == null && call == null) {
            values.report(Diagnostic.error("RB0015", map.span(), what + " needs `type`")
                    .withHint("or `call: other.rb` to run another runbook"));
            return null;
        }
        List<Arg> args = args(map.get("with"), values);
        if (call != null) {
            String target = values.text(call, "`call`");
            return target == null
                    ? null
                    : new Invocation(
                            Invocation.CALL,
                            values.span(map.keyNode("call")),
                            target,
                            values.span(call),
                            args,
                            map.whole());
        }
        if (!(type instanceof ScalarNode s) || YamlValues.isNull(s)) {
            values.wrongKind(type, "`type` must be a step type name such as file.backup");
            return null;
        }
        String name = typeName(s, values);
        return name == null ? null : new Invocation(name, values.span(s), null, null, args, map.whole());
    }

    private static String typeName(ScalarNode s, YamlValues values) {
        String name = s.getValue().strip();
        if (!TYPE_NAME.matcher(name).matches()) {
            values.wrongKind(s, "`" + s.getValue() + "` is not a step type name (e.g. exec, file.backup)");
            return null;
        }
        return name;
    }

    private static List<Arg> args(Node with, YamlValues values) {
        List<Arg> args = new ArrayList<>();
        if (with == null) {
            return args;
        }
        if (with instanceof ScalarNode s && YamlValues.isNull(s)) {
            return args;
        }
        YamlMap map = YamlMap.of(with, values, "`with`", null);
        if (map == null) {
            return args;
        }
        for (Map.Entry<String, NodeTuple> e : map.entries().entrySet()) {
            Span nameSpan = values.span(e.getValue().getKeyNode());
            args.add(new Arg(e.getKey(), nameSpan, values.value(e.getValue().getValueNode())));
        }
        return args;
    }
}
