package dev.runbook.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.expr.Expr;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.ExpressionParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** latest() and matches(), evaluated from expression text as a runbook writes them. */
class FunctionsTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path work;

    private Object eval(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Expr expr = ExpressionParser.parse(SourceFile.of("test.rb", text), 0, text, diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> text + ": " + diagnostics.all());
        Env env = new Env(Map.of(), Clock.systemUTC(), work, Map.of(), false);
        return Evaluator.eval(expr, env);
    }

    private Path file(String name, int minutesAfterT0) throws IOException {
        Path p = Files.writeString(work.resolve(name), name);
        Files.setLastModifiedTime(p, FileTime.from(T0.plusSeconds(60L * minutesAfterT0)));
        return p;
    }

    @Test
    void latestIsTheMostRecentlyModifiedEntryNotTheLastName() throws IOException {
        Files.createDirectory(work.resolve("backups"));
        file("backups/mongo_3", 10);
        Path newest = file("backups/mongo_1", 30);
        file("backups/mongo_2", 20);

        assertEquals(newest.toString(), eval("latest(\"backups\")"));
    }

    @Test
    void latestOnlyConsidersEntriesMatchingTheGlob() throws IOException {
        Path newestMongo = file("mongo_20250101", 20);
        file("mongo_20241231", 10);
        file("notes.txt", 99);

        assertEquals(newestMongo.toString(), eval("latest(\"" + work + "\", \"mongo_*\")"));
        assertEquals(work.resolve("notes.txt").toString(), eval("latest(\"" + work + "\")"));
    }

    @Test
    void latestBreaksATieOnTimeByTheGreatestName() throws IOException {
        file("b", 5);
        Path greatest = file("c", 5);
        file("a", 5);

        assertEquals(greatest.toString(), eval("latest(\"" + work + "\")"));
    }

    @Test
    void latestOfAnEmptyFolderSaysNothingMatches() {
        EvalException e = assertThrows(EvalException.class, () -> eval("latest(\"" + work + "\", \"mongo_*\")"));

        assertEquals("latest(): nothing in " + work + " matches mongo_*", e.getMessage());
    }

    @Test
    void latestOfAMissingFolderSaysItCannotListIt() {
        Path missing = work.resolve("no-such-dir");

        EvalException e = assertThrows(EvalException.class, () -> eval("latest(\"no-such-dir\")"));

        assertTrue(e.getMessage().startsWith("latest(): cannot list " + missing), e.getMessage());
        assertEquals(1, e.span().start().column());
    }

    @Test
    void matchesFindsTheRegexAnywhereInTheText() {
        assertEquals(true, eval("matches(\"release v1.24.3\", \"[0-9]+[.][0-9]+\")"));
        assertEquals(false, eval("matches(\"release v1\", \"[0-9]+[.][0-9]+\")"));
    }

    @Test
    void matchesHonoursAnchorsCaseAndAlternatives() {
        assertEquals(false, eval("matches(\"v1.2\", \"^1\")"));
        assertEquals(true, eval("matches(\"v1.2\", \"^v1[.]2$\")"));
        assertEquals(false, eval("matches(\"ONLINE\", \"online\")"));
        assertEquals(true, eval("matches(\"ONLINE\", \"(?i)online\")"));
        assertEquals(true, eval("matches(\"status: errored\", \"stopped|errored\")"));
    }

    @Test
    void anInvalidRegexIsAnEvaluationErrorNamingTheFunction() {
        EvalException e = assertThrows(EvalException.class, () -> eval("matches(\"abc\", \"(unclosed\")"));

        assertTrue(e.getMessage().startsWith("matches(): Unclosed group"), e.getMessage());
    }
}
