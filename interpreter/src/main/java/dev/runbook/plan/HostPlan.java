package dev.runbook.plan;

import dev.runbook.inventory.Host;
import dev.runbook.inventory.Inventory;
import dev.runbook.model.HostBlock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an {@code on} block will roll out over an inventory: its hosts in order and its batches. Its args (hosts with
 * their addresses, batches, failure budget) are part of the plan, so the plan hash covers the inventory a block runs
 * on, and {@code runbook diff} shows a host added or moved.
 */
record HostPlan(HostBlock block, List<Host> hosts, List<List<Host>> batches, int allowed) {
    static HostPlan of(HostBlock block, Inventory inventory) {
        List<Host> hosts = inventory.select(block.target());
        int allowed = block.maxFailures() == null ? 0 : block.maxFailures().allowed(hosts.size());
        return new HostPlan(block, hosts, block.inBatches(hosts), allowed);
    }

    Map<String, Object> args() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target", block.target());
        out.put("hosts", hosts.stream().map(HostPlan::shown).toList());
        out.put(
                "batches",
                batches.stream().map(b -> b.stream().map(Host::name).toList()).toList());
        out.put("max_failures", (long) allowed);
        if (block.undoAll()) {
            out.put("undo_all", true);
        }
        return out;
    }

    String describe() {
        StringBuilder out = new StringBuilder("on " + block.target() + ": ");
        out.append(hosts.size()).append(hosts.size() == 1 ? " host" : " hosts");
        out.append(" in ").append(batches.size()).append(batches.size() == 1 ? " batch " : " batches ");
        out.append(String.join(
                ", ",
                batches.stream()
                        .map(b -> "["
                                + String.join(
                                        ", ", b.stream().map(HostPlan::shown).toList()) + "]")
                        .toList()));
        out.append(allowed == 0 ? "; stop at the first failed host" : "; stop when more than " + allowed + " fail");
        if (!block.verifies().isEmpty()) {
            out.append("; each host gated by ")
                    .append(block.verifies().size())
                    .append(block.verifies().size() == 1 ? " verify" : " verifies");
        }
        return out.toString();
    }

    private static String shown(Host h) {
        return h.name() + (h.local() ? " (local)" : " (" + address(h) + ")");
    }

    private static String address(Host h) {
        return (h.user() == null ? "" : h.user() + "@") + h.address() + (h.port() == null ? "" : ":" + h.port());
    }
}
