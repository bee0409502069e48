package dev.runbook.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.DiagnosticFormatter;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.model.expr.Binary;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.Interpolated;
import dev.runbook.model.expr.Literal;
import dev.runbook.model.expr.Ref;
import dev.runbook.source.SourceFile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private final Diagnostics diagnostics = new Diagnostics();

    private Runbook read(String text) {
        return YamlReader.read(SourceFile.of("t.yaml", text), diagnostics);
    }

    private Runbook ok(String text) {
        Runbook r = read(text);
        StringBuilder shown = new StringBuilder();
        diagnostics.all().forEach(d -> shown.append(DiagnosticFormatter.format(d)));
        assertTrue(diagnostics.isEmpty(), shown.toString());
        return r;
    }

    private Diagnostic only() {
        assertEquals(1, diagnostics.all().size(), diagnostics.all().toString());
        return diagnostics.all().get(0);
    }

    private Step step(String fields) {
        return ok("runbook: t\nsteps:\n  - id: a\n    type: exec\n" + fields)
                .steps()
                .get(0);
    }

    @Test
    void aStringThatIsExactlyOneExpressionIsThatExpression() {
        Expr lock = ok("runbook: t\nlock: \"${app}\"\n").lock();
        assertInstanceOf(Ref.class, lock);
        assertEquals("app", lock.span().text());
    }

    @Test
    void templatesHaveLiteralAndExpressionParts() {
        Interpolated lock = assertInstanceOf(
                Interpolated.class, ok("runbook: t\nlock: app:${app}\n").lock());
        assertEquals(2, lock.parts().size());
        assertEquals("app", lock.parts().get(1).span().text());
    }

    @Test
    void plainDurationsAreDurationsAndQuotedOnesStrings() {
        Step s = step("    with: {a: 30s, b: \"30s\", c: '1h30m', d: 1h30m}\n    timeout: \"5m\"\n");
        assertEquals(
                Duration.ofSeconds(30), ((Literal) s.invocation().args().get(0).value()).value());
        assertEquals("30s", ((Literal) s.invocation().args().get(1).value()).value());
        assertEquals("1h30m", ((Literal) s.invocation().args().get(2).value()).value());
        assertEquals(
                Duration.ofMinutes(90), ((Literal) s.invocation().args().get(3).value()).value());
        assertEquals(Duration.ofMinutes(5), ((Literal) s.timeout()).value());
    }

    @Test
    void spansOfExpressionsInEscapedScalarsPointIntoTheFile() {
        Step s = step("    when: \"name == \\\"x\\\" && ok\"\n");
        Binary and = assertInstanceOf(Binary.class, s.when());
        assertEquals("ok", and.right().span().text());
        assertEquals(5, and.right().span().start().line());
        Binary eq = assertInstanceOf(Binary.class, and.left());
        assertEquals("\\\"x\\\"", eq.right().span().text(), "the string literal's span covers its escaped quotes");
    }

    @Test
    void spansOfExpressionsInBlockScalarsPointIntoTheFile() {
        Step s = step("    when: |\n      a &&\n        b\n");
        Binary and = assertInstanceOf(Binary.class, s.when());
        assertEquals("b", and.right().span().text());
        assertEquals(7, and.right().span().start().line());
        assertEquals(9, and.right().span().start().column());
    }

    @Test
    void namesAndIdsKeepTheirSpans() {
        Runbook r = ok("runbook: t\nparams:\n  who: string\nsteps:\n  - {id: first, type: exec}\n");
        assertEquals("who", r.params().get(0).nameSpan().text());
        assertEquals("string", r.params().get(0).typeSpan().text());
        assertEquals("first", r.steps().get(0).idSpan().text());
        assertEquals("exec", r.steps().get(0).invocation().typeSpan().text());
        assertEquals("t", r.nameSpan().text());
    }

    @Test
    void unknownKeysSuggestTheClosest() {
        assertNull(read("runbook: t\nsteps:\n  - {id: a, type: exec, wehn: x}\n"));
        Diagnostic d = only();
        assertEquals("RB0013", d.code());
        assertEquals("did you mean `when`?", d.notes().get(0).text());
    }

    @Test
    void duplicateKeysPointAtBoth() {
        assertNull(read("runbook: t\nrunbook: u\n"));
        Diagnostic d = only();
        assertEquals("RB0016", d.code());
        assertEquals(2, d.span().start().line());
        assertEquals(1, d.notes().get(0).span().start().line());
    }

    @Test
    void tooLargeDocumentsAreRefused() {
        String big = "runbook: t\ndescription: " + "x".repeat(9 << 20) + "\n";
        assertNull(read(big));
        assertEquals("RB0017", only().code());
    }

    @Test
    void deepNestingIsRefusedWithoutAStackTrace() {
        assertNull(read(
                "runbook: t\nsteps:\n  - {id: a, type: exec, with: {x: " + "[".repeat(150) + "]".repeat(150) + "}}\n"));
        assertEquals("RB0017", only().code());
        diagnostics.all();
        Diagnostics more = new Diagnostics();
        assertNull(YamlReader.read(SourceFile.of("t.yaml", "a: " + "[".repeat(200_000)), more));
        assertTrue(more.hasErrors());
    }

    @Test
    void nonBmpCharactersDoNotShiftLaterPositions() {
        Runbook r = ok("description: \"\uD83D\uDE00\uD83D\uDE00\"\nrunbook: name\n");
        assertEquals("name", r.nameSpan().text());
        assertEquals("\uD83D\uDE00\uD83D\uDE00", r.description());
    }

    @Test
    void shortFormsDecode() {
        Step s = step(
                "    verify: it.ok\n    retry: 3\n    undo: pm2.start\n    needs: b\n" + "    require: exists(x)\n");
        assertEquals(1, s.verifies().size());
        assertEquals(3L, ((Literal) s.retry().attempts()).value());
        assertEquals("pm2.start", s.undo().type());
        assertEquals(List.of("b"), s.needs().stream().map(n -> n.name()).toList());
        assertEquals(1, s.requires().size());
    }

    @Test
    void windowsLineEndingsKeepColumns() {
        assertNotNull(read(
                "runbook: t\r\nsteps:\r\n  - id: a\r\n    type: exec\r\n    when: >\r\n      a &&\r\n      = b\r\n"));
        Diagnostic d = only();
        assertEquals("RB0001", d.code());
        assertEquals("7:7", d.span().start().toString());
    }

    @Test
    void anchorsLiveInExtensionKeysAndMergeKeysWork() {
        Runbook r = ok("runbook: t\nx-defaults: &d {argv: [\"true\"], cwd: /tmp}\nsteps:\n"
                + "  - id: a\n    type: exec\n    with:\n      <<: *d\n      cwd: /srv\n");
        var args = r.steps().get(0).invocation().args();
        assertEquals(2, args.size());
        assertEquals(
                "/srv",
                ((Literal) r.steps()
                                .get(0)
                                .invocation()
                                .arg("cwd")
                                .orElseThrow()
                                .value())
                        .value());
    }

    @Test
    void aWholeFileReadsWithoutErrors() {
        assertNotNull(ok("runbook: t\n"));
    }
}
