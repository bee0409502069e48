package dev.runbook.inventory;

import dev.runbook.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** One entry of {@code hosts:}: where it is (an address, or local), how to reach it, its groups and vars. */
final class HostReader {
    static final List<String> KEYS = List.of("address", "user", "port", "groups", "vars", "ssh_options", "local");

    private final InventoryNodes nodes;
    private final VarValues vars;
    private final SshDefaults ssh;

    HostReader(InventoryNodes nodes, VarValues vars, SshDefaults ssh) {
        this.nodes = nodes;
        this.vars = vars;
        this.ssh = ssh;
    }

    /** The host, or null when its value is not a mapping (reported). */
    HostEntry read(String name, NodeTuple entry) {
        Node key = entry.getKeyNode();
        String what = "host `" + name + "`";
        if (entry.getValueNode() instanceof ScalarNode s && !InventoryNodes.isNull(s)) {
            nodes.report(Diagnostic.error("RB0700", nodes.span(s), what + " must be a mapping (key: value)")
                    .withHint("write `" + name + ": {address: " + s.getValue() + "}`"));
            return null;
        }
        Map<String, NodeTuple> m = nodes.map(entry.getValueNode(), what, KEYS, "key");
        if (m == null) {
            return null;
        }
        Boolean local = m.containsKey("local") ? nodes.bool(InventoryNodes.value(m, "local"), "local") : Boolean.FALSE;
        String address = local == null ? null : address(name, key, m, local); // a bad `local` says enough
        String user = m.containsKey("user") ? nodes.text(InventoryNodes.value(m, "user"), "user") : ssh.user();
        Integer port = m.containsKey("port") ? nodes.port(InventoryNodes.value(m, "port"), "port") : ssh.port();
        List<String> options = new ArrayList<>(ssh.options());
        if (m.containsKey("ssh_options")) {
            List<String> own = nodes.texts(InventoryNodes.value(m, "ssh_options"), "ssh_options");
            options.addAll(own == null ? List.of() : own);
        }
        List<String> groups = new ArrayList<>();
        List<Node> groupNodes = new ArrayList<>();
        groups(what, InventoryNodes.value(m, "groups"), groups, groupNodes);
        Map<String, Object> own = vars.read(InventoryNodes.value(m, "vars"), "the vars of " + what);
        Host host =
                new Host(name, address, user, port, groups, own, Boolean.TRUE.equals(local), options, nodes.span(key));
        return new HostEntry(host, key, groupNodes);
    }

    private String address(String name, Node key, Map<String, NodeTuple> m, boolean local) {
        Node node = InventoryNodes.value(m, "address");
        if (local) {
            if (node != null) {
                nodes.error(
                        "RB0703", node, "host `" + name + "` is `local: true` and has an address; keep one of them");
            }
            return null;
        }
        if (node == null || InventoryNodes.isNull(node)) {
            nodes.report(Diagnostic.error("RB0703", nodes.span(key), "host `" + name + "` has no `address`")
                    .withHint("give its address, or `local: true` to run on this machine"));
            return null;
        }
        String address = nodes.text(node, "address");
        if (address != null && (address.isBlank() || address.chars().anyMatch(Character::isWhitespace))) {
            nodes.error("RB0703", node, "address `" + address + "` of host `" + name + "` holds spaces");
            return null;
        }
        return address;
    }

    private void groups(String what, Node node, List<String> groups, List<Node> groupNodes) {
        List<Node> items = nodes.list(node, "groups of " + what);
        for (Node item : items == null ? List.<Node>of() : items) {
            if (!(item instanceof ScalarNode s) || InventoryNodes.isNull(s)) {
                nodes.error(
                        "RB0700",
                        item,
                        "groups of " + what + " must be a list of group names; this item is "
                                + InventoryNodes.kind(item));
                continue;
            }
            int first = groups.indexOf(s.getValue());
            if (first >= 0) {
                nodes.report(Diagnostic.error(
                                "RB0702", nodes.span(s), "group `" + s.getValue() + "` is listed twice in " + what)
                        .withNote(nodes.span(groupNodes.get(first)), "first listed here"));
                continue;
            }
            groups.add(s.getValue());
            groupNodes.add(s);
        }
    }
}
