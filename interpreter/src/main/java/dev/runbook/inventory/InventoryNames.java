package dev.runbook.inventory;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.yaml.YamlDocument;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The checks across hosts and groups that keep every target meaning one thing: names are names, no host is called
 * {@code all}, no group shares a host's name (RB0705); and a group given vars that no host is in, which is most often
 * a typo (RB0707, a warning).
 */
final class InventoryNames {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final InventoryNodes nodes;
    private final Map<String, Node> hostKeys = new LinkedHashMap<>();
    private final Set<String> checked = new HashSet<>();
    private final Set<String> wrong = new HashSet<>();

    InventoryNames(InventoryNodes nodes) {
        this.nodes = nodes;
    }

    void check(List<HostEntry> hosts, Map<String, Node> declaredGroups) {
        for (HostEntry h : hosts) {
            hostKeys.put(h.host().name(), h.key());
            host(h.host().name(), h.key());
        }
        Set<String> used = new HashSet<>();
        for (HostEntry h : hosts) {
            for (int i = 0; i < h.groupNodes().size(); i++) {
                group(h.host().groups().get(i), h.groupNodes().get(i), false);
                used.add(h.host().groups().get(i));
            }
        }
        for (Map.Entry<String, Node> g : declaredGroups.entrySet()) {
            group(g.getKey(), g.getValue(), true);
            if (!used.contains(g.getKey()) && !wrong.contains(g.getKey())) {
                unused(g.getKey(), g.getValue(), used);
            }
        }
    }

    private void host(String name, Node key) {
        if (Inventory.ALL.equals(name)) {
            nodes.report(Diagnostic.error("RB0705", nodes.span(key), "a host cannot be named `all`")
                    .withHint("`all` is the group of every host; give this host another name"));
        } else if (!NAME.matcher(name).matches()) {
            nodes.error("RB0705", key, "host name `" + name + "` " + nameRule());
        }
    }

    /** Checks a group's name where it first appears (and each place that lists {@code all}). */
    private void group(String name, Node at, boolean declared) {
        if (!checked.add(name) && !Inventory.ALL.equals(name)) {
            return;
        }
        int before = nodes.errorCount();
        groupName(name, at, declared);
        if (nodes.errorCount() > before) {
            wrong.add(name);
        }
    }

    private void groupName(String name, Node at, boolean declared) {
        if (Inventory.ALL.equals(name)) {
            Diagnostic d = Diagnostic.error(
                    "RB0705", nodes.span(at), "`all` is the group of every host; it is not a group to list");
            nodes.report(declared ? d.withHint("put the vars of every host under the top-level `vars:`") : d);
        } else if (hostKeys.containsKey(name)) {
            nodes.report(Diagnostic.error("RB0705", nodes.span(at), "group `" + name + "` has the name of a host")
                    .withNote(nodes.span(hostKeys.get(name)), "the host `" + name + "` is here")
                    .withHint("a target names a group or a host, never both: rename one of them"));
        } else if (!NAME.matcher(name).matches()) {
            nodes.error("RB0705", at, "group name `" + name + "` " + nameRule());
        }
    }

    private void unused(String name, Node key, Set<String> used) {
        Diagnostic d = Diagnostic.warning("RB0707", nodes.span(key), "no host is in group `" + name + "`");
        String guess = YamlDocument.closest(name, used);
        nodes.report(
                guess != null
                        ? d.withHint("did you mean `" + guess + "`?")
                        : d.withHint("list it in the `groups:` of a host, or remove it"));
    }

    private static String nameRule() {
        return "may hold only letters, digits, `_`, `-` and `.`, and starts with a letter, a digit or `_`";
    }
}
