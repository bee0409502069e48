package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Refuses documents that would cost too much to decode: recursive aliases, too many nodes once aliases are
 * expanded, nesting too deep (RB0017); and tags other than YAML's own (RB0014), which we never construct.
 */
final class YamlLimits {
    static final int MAX_ALIASES = 50;
    static final int MAX_CODE_POINTS = 8 << 20;
    static final int MAX_NODES = 100_000;
    static final int MAX_DEPTH = 100;
    private static final Set<Tag> STANDARD =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.ENV_TAG);

    private final YamlValues values;
    private int nodes;
    private boolean refused;

    private YamlLimits(YamlValues values) {
        this.values = values;
    }

    /** Whether the tree may be decoded; when not, RB0017 was reported. */
    static boolean check(Node root, YamlValues values) {
        YamlLimits limits = new YamlLimits(values);
        limits.walk(root, 0);
        return !limits.refused;
    }

    private void walk(Node node, int depth) {
        if (refused) {
            return;
        }
        if (node.isRecursive()) {
            refuse(node, "this alias refers to a node that contains it; recursive YAML is not allowed");
            return;
        }
        if (++nodes > MAX_NODES) {
            refuse(node, "the document has more than " + MAX_NODES + " nodes once aliases are expanded");
            return;
        }
        if (depth > MAX_DEPTH) {
            refuse(node, "the document is nested more than " + MAX_DEPTH + " levels deep");
            return;
        }
        if (!STANDARD.contains(node.getTag())) {
            values.wrongKind(node, "tag `" + node.getTag().getValue() + "` is not supported; runbooks use plain YAML");
        }
        if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(child -> walk(child, depth + 1));
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                walk(t.getKeyNode(), depth + 1);
                walk(t.getValueNode(), depth + 1);
            }
        }
    }

    private void refuse(Node node, String message) {
        refused = true;
        values.report(Diagnostic.error("RB0017", values.span(node), message));
    }

    /**
     * Where the composer gave up counting aliases of collections (its exception has no mark): the alias that went
     * past the limit, found by replaying the parser's events.
     */
    static Optional<Mark> aliasPastLimit(String text, LoadSettings settings) {
        Set<Anchor> collections = new HashSet<>();
        int count = 0;
        try {
            for (Event e : new Parse(settings).parseString(text)) {
                Event.ID id = e.getEventId();
                if ((id == Event.ID.SequenceStart || id == Event.ID.MappingStart) && e instanceof NodeEvent n) {
                    n.getAnchor().ifPresent(collections::add);
                } else if (e instanceof AliasEvent alias
                        && collections.contains(alias.getAlias())
                        && ++count > MAX_ALIASES) {
                    return alias.getStartMark();
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
