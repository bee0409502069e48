package dev.runbook.inventory;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import dev.runbook.syntax.RunbookReader;
import dev.runbook.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads an inventory file (docs/hosts.md): {@code ssh:} defaults, top-level {@code vars:}, {@code groups:} with their
 * vars, and {@code hosts:}. Every problem is a diagnostic at the key or value at fault, never an exception; the file
 * is read to the end, so one pass reports every mistake.
 */
public final class InventoryReader {
    static final List<String> KEYS = List.of("ssh", "vars", "groups", "hosts");
    static final List<String> GROUP_KEYS = List.of("vars");

    private final InventoryNodes nodes;
    private final VarValues vars;

    private InventoryReader(InventoryNodes nodes) {
        this.nodes = nodes;
        this.vars = new VarValues(nodes);
    }

    /** The inventory, or null when the file cannot be read or has errors (all reported; warnings too). */
    public static Inventory read(Path file, Diagnostics diagnostics) {
        if (Files.isDirectory(file)) {
            diagnostics.error(
                    "RB0010", Span.synthetic(file.toString()), file + " is a directory, not an inventory file");
            return null;
        }
        SourceFile source = RunbookReader.load(file, diagnostics);
        return source == null ? null : parse(source, diagnostics);
    }

    /** The inventory of a text already read, or null when it has errors (all reported). */
    public static Inventory parse(SourceFile source, Diagnostics diagnostics) {
        Diagnostics found = new Diagnostics();
        YamlDocument document = YamlDocument.compose(source, "an inventory", found);
        List<Host> hosts = document == null
                ? null
                : new InventoryReader(new InventoryNodes(document, found)).hosts(document.root());
        diagnostics.addAll(found);
        return hosts == null || found.hasErrors() ? null : new Inventory(hosts, source);
    }

    private List<Host> hosts(Node root) {
        if (!(root instanceof MappingNode top) || top.getValue().isEmpty()) {
            nodes.error(
                    "RB0700",
                    root,
                    "an inventory is a mapping with `hosts:` at the top, not " + InventoryNodes.kind(root));
            return null;
        }
        Map<String, NodeTuple> m = nodes.map(root, "the inventory", KEYS, "key");
        SshDefaults ssh = ssh(InventoryNodes.value(m, "ssh"));
        Map<String, Object> common = vars.read(InventoryNodes.value(m, "vars"), "vars");
        Map<String, Node> declared = new LinkedHashMap<>();
        Map<String, Map<String, Object>> groupVars = groups(InventoryNodes.value(m, "groups"), declared);
        List<HostEntry> entries = entries(m.get("hosts"), top.getValue().get(0).getKeyNode(), ssh);
        new InventoryNames(nodes).check(entries, declared);
        List<Host> hosts = new ArrayList<>();
        for (HostEntry e : entries) {
            hosts.add(merged(e.host(), common, groupVars));
        }
        return hosts;
    }

    private SshDefaults ssh(Node node) {
        Map<String, NodeTuple> m = nodes.map(node, "ssh", SshDefaults.KEYS, "key");
        if (m == null || m.isEmpty()) {
            return SshDefaults.NONE;
        }
        String user = m.containsKey("user") ? nodes.text(InventoryNodes.value(m, "user"), "ssh.user") : null;
        Integer port = m.containsKey("port") ? nodes.port(InventoryNodes.value(m, "port"), "ssh.port") : null;
        List<String> options =
                m.containsKey("options") ? nodes.texts(InventoryNodes.value(m, "options"), "ssh.options") : null;
        return new SshDefaults(user, port, options == null ? List.of() : options);
    }

    private Map<String, Map<String, Object>> groups(Node node, Map<String, Node> declared) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Map<String, NodeTuple> m = nodes.map(node, "groups", null, "group");
        for (Map.Entry<String, NodeTuple> g :
                m == null ? Map.<String, NodeTuple>of().entrySet() : m.entrySet()) {
            String what = "group `" + g.getKey() + "`";
            declared.put(g.getKey(), g.getValue().getKeyNode());
            Map<String, NodeTuple> group = nodes.map(g.getValue().getValueNode(), what, GROUP_KEYS, "key");
            out.put(
                    g.getKey(),
                    group == null ? Map.of() : vars.read(InventoryNodes.value(group, "vars"), "the vars of " + what));
        }
        return out;
    }

    private List<HostEntry> entries(NodeTuple hosts, Node firstKey, SshDefaults ssh) {
        if (hosts == null) {
            nodes.error("RB0700", firstKey, "the inventory has no `hosts:`; it needs at least one host");
            return List.of();
        }
        Map<String, NodeTuple> m = nodes.map(hosts.getValueNode(), "hosts", null, "host");
        if (m != null && m.isEmpty()) {
            nodes.error("RB0700", hosts.getKeyNode(), "`hosts:` is empty; an inventory needs at least one host");
        }
        HostReader reader = new HostReader(nodes, vars, ssh);
        List<HostEntry> out = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> h :
                m == null ? Map.<String, NodeTuple>of().entrySet() : m.entrySet()) {
            HostEntry entry = reader.read(h.getKey(), h.getValue());
            if (entry != null) {
                out.add(entry);
            }
        }
        return out;
    }

    /** Host vars over group vars (in the host's order, a later group winning) over top-level vars. */
    private static Host merged(Host h, Map<String, Object> common, Map<String, Map<String, Object>> groupVars) {
        Map<String, Object> vars = new LinkedHashMap<>(common);
        for (String g : h.groups()) {
            vars.putAll(groupVars.getOrDefault(g, Map.of()));
        }
        vars.putAll(h.vars());
        return new Host(
                h.name(), h.address(), h.user(), h.port(), h.groups(), vars, h.local(), h.sshOptions(), h.span());
    }
}
