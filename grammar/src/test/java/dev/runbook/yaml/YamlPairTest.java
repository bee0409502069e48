package dev.runbook.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.diagnostic.DiagnosticFormatter;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.ModelPrinter;
import dev.runbook.model.Runbook;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.DslReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same runbook in both syntaxes gives the same model. */
class YamlPairTest {
    @ParameterizedTest
    @CsvSource({
        "quickstart.rb, quickstart.yaml",
        "db-restore.rb, db-restore.yaml",
        "app-rollback.rb, app-rollback.yml",
        "strings.rb, strings.yaml",
        "hosts.rb, hosts.yaml"
    })
    void bothSyntaxesGiveTheSameModel(String dsl, String yaml) throws IOException {
        Runbook fromDsl = read(dsl, true);
        Runbook fromYaml = read(yaml, false);
        assertEquals(ModelPrinter.print(fromDsl), ModelPrinter.print(fromYaml));
    }

    static Runbook read(String name, boolean dsl) throws IOException {
        SourceFile file = load("pairs/" + name);
        Diagnostics d = new Diagnostics();
        Runbook r = dsl ? DslReader.read(file, d) : YamlReader.read(file, d);
        StringBuilder shown = new StringBuilder();
        d.all().forEach(x -> shown.append(DiagnosticFormatter.format(x)));
        assertTrue(d.isEmpty(), shown.toString());
        assertNotNull(r);
        return r;
    }

    static SourceFile load(String resource) throws IOException {
        try (InputStream in = YamlPairTest.class.getResourceAsStream(resource)) {
            return SourceFile.of(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
