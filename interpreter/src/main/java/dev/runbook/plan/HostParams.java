package dev.runbook.plan;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.expr.Env;
import dev.runbook.inventory.Host;
import dev.runbook.inventory.Inventory;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Param;
import dev.runbook.model.ParamType;
import dev.runbook.model.Runbook;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The params of one host's run of an {@code on} block: the run's params, where a host var of the same name
 * replaces the param's value for that host (converted to the param's type, as {@code --param} would be), and
 * {@code host}: its name, address, user, port, groups and vars.
 */
public final class HostParams {
    private HostParams() {}

    public static BoundParams bind(Runbook rb, Env outer, Host host) {
        Map<String, Object> values = new LinkedHashMap<>(outer.vars());
        values.remove("steps");
        values.remove("run");
        values.remove("it");
        Set<String> secret = new LinkedHashSet<>();
        for (Param p : rb.params()) {
            if (p.type().kind() == ParamType.Kind.SECRET) {
                secret.add(p.name());
            }
            Object v = host.vars().get(p.name());
            if (v != null) {
                values.put(p.name(), ParamBinder.convert(p.type(), v));
            }
        }
        values.put("host", view(host));
        return new BoundParams(values, secret);
    }

    /** What {@code host} shows to expressions. */
    public static Map<String, Object> view(Host host) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", host.name());
        out.put("address", host.address() == null ? "127.0.0.1" : host.address());
        out.put("user", host.user() == null ? "" : host.user());
        out.put("port", host.port() == null ? 22L : (long) host.port());
        out.put("groups", List.copyOf(host.groups()));
        out.put("local", host.local());
        out.put("vars", new LinkedHashMap<>(host.vars()));
        return out;
    }

    /**
     * Checks, before anything runs, that every host an {@code on} block targets exists and that each host var that
     * replaces a param has a value of the param's type; errors point at the inventory's line and column. Host vars
     * that replace a secret param are masked like the param.
     */
    public static void check(Runbook rb, Inventory inventory, Redactor redactor, Diagnostics diagnostics) {
        for (HostBlock h : rb.hostBlocks()) {
            if (inventory.select(h.target()).isEmpty()) {
                boolean none = inventory.hosts().size() == 1
                        && inventory.hosts().get(0).local()
                        && Inventory.LOCAL.equals(inventory.hosts().get(0).name())
                        && inventory.source().text().isEmpty();
                String closest = inventory.closest(h.target());
                diagnostics.error(
                        "RB0180",
                        h.targetSpan(),
                        "no host of the inventory is in `" + h.target() + "`"
                                + (none
                                        ? " (no inventory was given: --inventory FILE, or inventory: in runbook.yaml)"
                                        : " (" + inventory.source().path() + ")")
                                + (closest == null || none ? "" : "; did you mean `" + closest + "`?"));
                continue;
            }
            for (Host host : inventory.select(h.target())) {
                for (Param p : rb.params()) {
                    Object v = host.vars().get(p.name());
                    if (v == null) {
                        continue;
                    }
                    try {
                        Object converted = ParamBinder.convert(p.type(), v);
                        if (p.type().kind() == ParamType.Kind.SECRET) {
                            redactor.add(String.valueOf(converted));
                        }
                    } catch (IllegalArgumentException e) {
                        diagnostics.error(
                                "RB0181",
                                host.span(),
                                "host " + host.name() + ": var " + p.name() + " replaces param " + p.name() + " ("
                                        + p.type() + "): " + e.getMessage());
                    }
                }
            }
        }
    }
}
