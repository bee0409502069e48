package dev.runbook.inventory;

import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import dev.runbook.yaml.YamlDocument;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hosts a runbook may run on, in the order of the file ({@link InventoryReader}), or {@link #localOnly()} when
 * no inventory is given. A target names {@code all}, a group or a host; group and host names never clash (the reader
 * refuses it), so a target means one thing.
 */
public record Inventory(List<Host> hosts, SourceFile source) {
    /** The group every host is in. */
    public static final String ALL = "all";
    /** The one host of {@link #localOnly()}. */
    public static final String LOCAL = "local";

    public Inventory {
        hosts = List.copyOf(hosts);
    }

    /** No inventory given: this machine alone, as the host {@code local}. */
    public static Inventory localOnly() {
        Host local = new Host(LOCAL, null, null, null, List.of(), Map.of(), true, List.of(), Span.synthetic(LOCAL));
        return new Inventory(List.of(local), SourceFile.of("<local>", ""));
    }

    /** The hosts a target names, in file order; empty when it names nothing. */
    public List<Host> select(String target) {
        if (ALL.equals(target)) {
            return hosts;
        }
        List<Host> byName = hosts.stream().filter(h -> h.name().equals(target)).toList();
        return byName.isEmpty()
                ? hosts.stream().filter(h -> h.groups().contains(target)).toList()
                : byName;
    }

    /** Whether a target is {@code all}, a group some host is in, or a host. */
    public boolean knows(String target) {
        return ALL.equals(target) || !select(target).isEmpty();
    }

    /** {@code all} and then every group a host is in, in the order they first appear. */
    public Set<String> groups() {
        Set<String> out = new LinkedHashSet<>();
        out.add(ALL);
        hosts.forEach(h -> out.addAll(h.groups()));
        return Collections.unmodifiableSet(out);
    }

    /** Every target: the groups, then the hosts. */
    public Set<String> targets() {
        Set<String> out = new LinkedHashSet<>(groups());
        hosts.forEach(h -> out.add(h.name()));
        return Collections.unmodifiableSet(out);
    }

    /** The known target closest to a misspelt one ("did you mean"), or null. */
    public String closest(String target) {
        return YamlDocument.closest(target, targets());
    }

    /** The sha256 of the inventory's text, for plan hashes: the same file gives the same hash. */
    public String sha256() {
        return source.sha256();
    }
}
