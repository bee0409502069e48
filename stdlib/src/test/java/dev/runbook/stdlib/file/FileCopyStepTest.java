package dev.runbook.stdlib.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.StepArgs;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCopyStepTest {
    private final FileCopyStep copy = new FileCopyStep();

    @TempDir
    Path dir;

    private StepResult run(Map<String, Object> args) {
        return copy.execute(StepArgs.of(copy, args), new TestContext(dir));
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void copiesToANewFileAndUndoDeletesIt() throws Exception {
        Files.writeString(dir.resolve("a.conf"), "new");
        StepResult result = run(Map.of("from", "a.conf", "to", "b.conf"));

        assertTrue(result.isOk(), result.message());
        assertEquals("new", Files.readString(dir.resolve("b.conf")));
        assertEquals(3L, result.outputs().get("bytes"));
        assertEquals(dir.resolve("b.conf").toString(), result.outputs().get("to"));
        assertNull(result.outputs().get("previous"));
        assertEquals(List.of("a.conf", "b.conf"), names(), "no temp files left");

        StepResult undo = copy.undo(
                StepArgs.of(copy, Map.of("from", "a.conf", "to", "b.conf")), result.outputs(), new TestContext(dir));
        assertTrue(undo.isOk(), undo.message());
        assertFalse(Files.exists(dir.resolve("b.conf")));
    }

    @Test
    void refusesToReplaceWithoutOverwrite() throws Exception {
        Files.writeString(dir.resolve("a.conf"), "new");
        Files.writeString(dir.resolve("b.conf"), "old");
        StepResult result = run(Map.of("from", "a.conf", "to", "b.conf"));

        assertFalse(result.isOk());
        assertTrue(result.message().contains("overwrite: true"), result.message());
        assertEquals("old", Files.readString(dir.resolve("b.conf")));
    }

    @Test
    void overwriteKeepsThePreviousFileAndUndoPutsItBack() throws Exception {
        Files.writeString(dir.resolve("a.conf"), "new");
        Files.writeString(dir.resolve("b.conf"), "old");
        Map<String, Object> args = Map.of("from", "a.conf", "to", "b.conf", "overwrite", true);
        StepResult result = run(args);

        assertTrue(result.isOk(), result.message());
        assertEquals("new", Files.readString(dir.resolve("b.conf")));
        Path previous = Path.of((String) result.outputs().get("previous"));
        assertTrue(previous.getFileName().toString().startsWith("b.conf.runbook-undo-"), previous.toString());
        assertEquals("old", Files.readString(previous));

        StepResult undo = copy.undo(StepArgs.of(copy, args), result.outputs(), new TestContext(dir));
        assertTrue(undo.isOk(), undo.message());
        assertEquals("old", Files.readString(dir.resolve("b.conf")));
        assertEquals(List.of("a.conf", "b.conf"), names());
    }

    @Test
    void copiesIntoADirectory() throws Exception {
        Files.writeString(dir.resolve("a.conf"), "x");
        Files.createDirectory(dir.resolve("etc"));
        StepResult result = run(Map.of("from", "a.conf", "to", "etc"));

        assertEquals(dir.resolve("etc/a.conf").toString(), result.outputs().get("to"));
        assertEquals("x", Files.readString(dir.resolve("etc/a.conf")));
    }

    @Test
    void aMissingSourceFailsNamingIt() {
        StepResult result = run(Map.of("from", "gone.conf", "to", "b.conf"));

        assertFalse(result.isOk());
        assertTrue(result.message().contains(dir.resolve("gone.conf").toString()), result.message());
    }

    @Test
    void undoFailsClearlyWhenTheKeptCopyIsGone() throws Exception {
        Files.writeString(dir.resolve("b.conf"), "new");
        StepResult undo = copy.undo(
                StepArgs.of(copy, Map.of("from", "a", "to", "b.conf")),
                Map.of(
                        "to",
                        dir.resolve("b.conf").toString(),
                        "previous",
                        dir.resolve("b.conf.kept").toString()),
                new TestContext(dir));

        assertFalse(undo.isOk());
        assertTrue(undo.message().contains("b.conf.kept is gone"), undo.message());
        assertEquals("new", Files.readString(dir.resolve("b.conf")));
    }
}
