package dev.runbook.yaml;

import dev.runbook.model.Batch;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Step;
import dev.runbook.model.Verify;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * An entry of {@code steps:} that runs on hosts: {@code {on, as?, rolling?, max_failures?, undo_all?, steps,
 * verify?}}. {@code rolling} is one size or a list of sizes, each a number of hosts or a percent ({@code "25%"});
 * the range of a size is the checker's, as in the DSL.
 */
final class YamlHostBlock {
    static final String ON = "on";
    static final List<String> KEYS = List.of(ON, "as", "rolling", "max_failures", "undo_all", "steps", "verify");
    private static final Pattern PERCENT = Pattern.compile("\\s*(\\d+)\\s*%\\s*");
    private static final String SIZE = "a number of hosts or a percent such as \"25%\"";

    private YamlHostBlock() {}

    static HostBlock decode(Node node, YamlValues values) {
        YamlMap map = YamlMap.of(node, values, "an `on` block", KEYS);
        if (map == null) {
            return null;
        }
        Node targetNode = map.require(ON, "an `on` block");
        String target = targetNode == null ? null : name(targetNode, values, "`on`");
        Node idNode = map.has("as") ? map.get("as") : targetNode;
        String id = map.has("as") ? name(idNode, values, "`as`") : target;
        List<Batch> rolling = new ArrayList<>();
        if (map.has("rolling")) {
            for (Node size : values.oneOrMany(map.get("rolling"))) {
                Batch b = batch(size, values, "an entry of `rolling`");
                if (b != null) {
                    rolling.add(b);
                }
            }
        }
        Batch maxFailures = map.has("max_failures") ? batch(map.get("max_failures"), values, "`max_failures`") : null;
        boolean undoAll = map.has("undo_all") && bool(map.get("undo_all"), values);
        Node stepsNode = map.require("steps", "an `on` block");
        List<Step> steps = stepsNode == null ? List.of() : YamlSteps.decodeSteps(stepsNode, values, "an `on` block");
        List<Verify> verifies = map.has("verify") ? YamlVerify.decodeRunbook(map.get("verify"), values) : List.of();
        if (target == null || id == null) {
            return null;
        }
        return new HostBlock(
                id,
                values.span(idNode),
                target,
                values.span(targetNode),
                rolling,
                maxFailures,
                undoAll,
                steps,
                verifies,
                map.whole());
    }

    private static String name(Node node, YamlValues values, String what) {
        String text = values.string(node, what);
        if (text != null && !YamlParams.NAME.matcher(text).matches()) {
            values.wrongKind(node, what + " `" + text + "` must be a name: letters, digits and _");
            return null;
        }
        return text;
    }

    private static Batch batch(Node node, YamlValues values, String what) {
        if (node instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
            return new Batch(size(s.getValue().strip(), node, values), false, values.span(node));
        }
        if (node instanceof ScalarNode s && YamlValues.isString(s)) {
            Matcher m = PERCENT.matcher(s.getValue());
            if (m.matches()) {
                return new Batch(size(m.group(1), node, values), true, values.span(node));
            }
        }
        values.wrongKind(node, what + " must be " + SIZE + (node instanceof SequenceNode ? ", not a list" : ""));
        return null;
    }

    private static int size(String digits, Node node, YamlValues values) {
        try {
            return Integer.parseInt(digits.replace("_", ""));
        } catch (NumberFormatException e) {
            values.report(dev.runbook.diagnostic.Diagnostic.error(
                    "RB0003", values.span(node), "batch size " + digits + " is too large"));
            return Integer.MAX_VALUE;
        }
    }

    private static boolean bool(Node node, YamlValues values) {
        if (node instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
            return s.getValue().equalsIgnoreCase("true");
        }
        values.wrongKind(node, "`undo_all` must be true or false");
        return false;
    }
}
