package dev.runbook.inventory;

import dev.runbook.source.Span;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One host of an inventory, with the defaults of the file already applied: {@code user} and {@code port} are the
 * host's own or else those of {@code ssh:} (null when neither says), {@code sshOptions} are {@code ssh.options}
 * followed by the host's {@code ssh_options}, and {@code vars} are merged: the host's own over its groups' (in the
 * order the host lists them, a later group winning) over the file's top-level {@code vars}. Var values are as YAML
 * gives them: String, Long, Double, Boolean, null, List or Map of those.
 *
 * @param address null for a local host, which runs on this machine without ssh
 * @param groups the groups the host lists, in its order (every host is also in {@code all}, never listed)
 * @param span the host's key in the inventory, for diagnostics
 */
public record Host(
        String name,
        String address,
        String user,
        Integer port,
        List<String> groups,
        Map<String, Object> vars,
        boolean local,
        List<String> sshOptions,
        Span span) {
    public Host {
        groups = List.copyOf(groups);
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        sshOptions = List.copyOf(sshOptions);
    }

    /** Whether the host is in a group ({@code all} holds every host). */
    public boolean inGroup(String group) {
        return Inventory.ALL.equals(group) || groups.contains(group);
    }
}
