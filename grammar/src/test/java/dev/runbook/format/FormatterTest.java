package dev.runbook.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatterTest {
    private static final SourceFile DSL =
            SourceFile.of("a.rb", "# why\nrunbook \"a\" { step s = exec { argv: [\"x\"] } # trailing\n}\n");

    private final Formatter formatter = new Formatter((file, d) -> {
        d.error("RB0001", Span.synthetic(file.path()), "no YAML reader in this test");
        return null;
    });

    @Test
    void formatsTheDslInPlaceOfItsSyntax() {
        assertEquals(
                "# why\nrunbook \"a\" {\n  step s = exec { argv: [\"x\"] }  # trailing\n}\n",
                formatter.format(DSL, new Diagnostics()));
    }

    @Test
    void convertsTheDslToYaml() {
        assertEquals(
                "# why\nrunbook: a\nsteps:\n  # trailing\n  - id: s\n    type: exec\n    with: {argv: [x]}\n",
                formatter.convert(DSL, Formatter.YAML, new Diagnostics()));
    }

    @Test
    void aMapTooWideForOneLineIsABlockMapInYaml() {
        String wide = "runbook \"a\" { step s = x { m: { long: { \"first[]\": \"objectId\", second: \"date\","
                + " third_field_with_a_long_name: \"date\", fourth_field_with_a_long_name: \"date\" }, short: { a: 1 } } }"
                + " }\n";
        assertEquals(
                String.join(
                        "\n",
                        "runbook: a",
                        "steps:",
                        "  - id: s",
                        "    type: x",
                        "    with:",
                        "      m:",
                        "        long:",
                        "          \"first[]\": objectId",
                        "          second: date",
                        "          third_field_with_a_long_name: date",
                        "          fourth_field_with_a_long_name: date",
                        "        short: {a: 1}",
                        ""),
                formatter.convert(SourceFile.of("w.rb", wide), Formatter.YAML, new Diagnostics()));
    }

    @Test
    void readsYamlWithTheGivenReader() {
        Diagnostics d = new Diagnostics();
        assertNull(formatter.format(SourceFile.of("a.yaml", "runbook: a\n"), d));
        assertEquals(1, d.errorCount());
    }

    @Test
    void aFileWithSyntaxErrorsGivesItsDiagnosticsAndNoText() {
        Diagnostics d = new Diagnostics();
        assertNull(formatter.format(SourceFile.of("bad.rb", "runbook \"a\" { step }"), d));
        assertTrue(d.hasErrors());
    }

    @Test
    void anUnknownSyntaxIsOurBug() {
        assertThrows(IllegalArgumentException.class, () -> formatter.convert(DSL, "json", new Diagnostics()));
    }

    @Test
    void yamlCommentsAreFoundOutsideQuotesAndBlockScalars() {
        SourceFile yaml = SourceFile.of(
                "c.yaml",
                String.join(
                        "\n",
                        "# top",
                        "runbook: a # name",
                        "description: |",
                        "  # not a comment",
                        "  text",
                        "lock: \"a # b\" # real",
                        "# end",
                        ""));
        List<String> found =
                Comments.collect(yaml).all().stream().map(Comment::text).toList();
        assertEquals(List.of("# top", "# name", "# real", "# end"), found);
    }
}
