package dev.runbook.inventory;

import dev.runbook.source.SourceFile;
import java.util.List;
import java.util.Map;

/** The hosts a run may target. */
public record Inventory(List<Host> hosts, SourceFile source) {
    public static Inventory localOnly() {
        return new Inventory(
                List.of(new Host("local", null, null, null, List.of("all"), Map.of(), true, List.of(), null)), null);
    }

    public List<Host> select(String target) {
        return hosts.stream()
                .filter(h -> "all".equals(target)
                        || h.name().equals(target)
                        || h.groups().contains(target))
                .toList();
    }

    public boolean knows(String target) {
        return !select(target).isEmpty();
    }

    public String sha256() {
        return source == null ? "" : source.sha256();
    }
}
