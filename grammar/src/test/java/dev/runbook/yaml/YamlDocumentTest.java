package dev.runbook.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** A YAML file other than a runbook: composed with the runbook's limits, its YAML mistakes with the same codes. */
class YamlDocumentTest {
    private static List<String> problems(String text) {
        Diagnostics diagnostics = new Diagnostics();
        assertNull(YamlDocument.compose(SourceFile.of("hosts.yaml", text), "an inventory", diagnostics));
        return diagnostics.all().stream()
                .map(d -> d.span().start() + " " + d.code() + " " + d.message())
                .toList();
    }

    @Test
    void aGoodFileGivesItsNodesWithTheirPlaces() {
        Diagnostics diagnostics = new Diagnostics();
        YamlDocument doc = YamlDocument.compose(
                SourceFile.of("hosts.yaml", "hosts:\n  web1: {address: a}\n"), "an inventory", diagnostics);
        assertNotNull(doc);
        assertEquals(List.of(), diagnostics.all());
        MappingNode hosts =
                (MappingNode) ((MappingNode) doc.root()).getValue().get(0).getValueNode();
        assertEquals(
                "hosts.yaml:2:3", doc.span(hosts.getValue().get(0).getKeyNode()).toString());
        assertEquals("address", YamlDocument.closest("adress", List.of("address", "user")));
    }

    @Test
    void yamlMistakesHaveTheRunbooksCodesAndNameTheFile() {
        assertEquals(
                List.of("3:1 RB0018 an inventory file holds one YAML document; this is a second one"),
                problems("hosts: {}\n---\nhosts: {}\n"));
        assertEquals(List.of("1:1 RB0018 the file holds no YAML document; an inventory is a mapping"), problems(""));
        assertEquals(List.of("1:8 RB0012 YAML: found undefined alias web"), problems("hosts: *web\n"));
        String bomb = "a: &a [x, x]\nb: &b [*a, *a]\n" + "c: [*b, *b]\n".repeat(60);
        Diagnostics diagnostics = new Diagnostics();
        YamlDocument.compose(SourceFile.of("hosts.yaml", bomb), "an inventory", diagnostics);
        Diagnostic d = diagnostics.all().get(0);
        assertEquals("RB0017", d.code());
    }
}
