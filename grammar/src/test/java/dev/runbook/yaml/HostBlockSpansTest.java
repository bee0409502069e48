package dev.runbook.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Runbook;
import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import dev.runbook.syntax.DslReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A host block read from either syntax: its id, target and batch sizes, each where it is written. */
class HostBlockSpansTest {
    private static String at(Span s) {
        return s.start().line() + ":" + s.start().column();
    }

    private static HostBlock only(Runbook rb, Diagnostics d) {
        assertFalse(d.hasErrors(), d.sorted()::toString);
        return rb.hostBlocks().get(0);
    }

    @Test
    void theDslGivesEachPartItsPosition() {
        Diagnostics d = new Diagnostics();
        HostBlock h = only(DslReader.read(SourceFile.of("h.rb", """
                                runbook "h" {
                                  on web as deploy rolling [1, 50%] max_failures 10% undo_all {
                                    step a = exec { argv: ["true"] }
                                  }
                                  on db { step b = exec { argv: ["true"] } }
                                }
                                """), d), d);
        assertEquals("deploy", h.id());
        assertEquals("2:13", at(h.idSpan()));
        assertEquals("web", h.target());
        assertEquals("2:6", at(h.targetSpan()));
        assertEquals(
                List.of("1", "50%"), h.rolling().stream().map(Object::toString).toList());
        assertEquals(
                List.of("2:29", "2:32"),
                h.rolling().stream().map(b -> at(b.span())).toList());
        assertEquals("10%", h.maxFailures().toString());
        assertEquals("2:50", at(h.maxFailures().span()));
        assertEquals(true, h.undoAll());
        assertEquals(List.of(1, 3, 1), h.batches(5));
    }

    @Test
    void yamlGivesEachPartItsPositionAndTheTargetIsTheDefaultId() {
        Diagnostics d = new Diagnostics();
        Runbook rb = YamlReader.read(SourceFile.of("h.yaml", """
                        runbook: h
                        steps:
                          - on: web
                            rolling: [2, "25%"]
                            max_failures: 1
                            steps:
                              - {id: a, type: exec, with: {argv: ["true"]}}
                        """), d);
        HostBlock h = only(rb, d);
        assertEquals("web", h.id());
        assertEquals("3:9", at(h.idSpan()));
        assertEquals("3:9", at(h.targetSpan()));
        assertEquals(
                List.of("4:15", "4:18"),
                h.rolling().stream().map(b -> at(b.span())).toList());
        assertEquals(
                List.of("2", "25%"), h.rolling().stream().map(Object::toString).toList());
        assertEquals("1", h.maxFailures().toString());
        assertEquals(false, h.undoAll());
        assertEquals(List.of("a"), rb.steps().stream().map(s -> s.id()).toList());
    }
}
