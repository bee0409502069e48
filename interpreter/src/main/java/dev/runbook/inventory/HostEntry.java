package dev.runbook.inventory;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A host as read, with its own vars only, and the nodes that name it and its groups, for the checks across hosts.
 *
 * @param groupNodes the node of each of {@code host.groups()}, in the same order
 */
record HostEntry(Host host, Node key, List<Node> groupNodes) {
    HostEntry {
        groupNodes = List.copyOf(groupNodes);
    }
}
