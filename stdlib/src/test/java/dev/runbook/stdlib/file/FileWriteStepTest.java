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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWriteStepTest {
    private final FileWriteStep write = new FileWriteStep();

    @TempDir
    Path dir;

    private StepResult run(Map<String, Object> args) {
        return write.execute(StepArgs.of(write, args), new TestContext(dir));
    }

    private StepResult undo(Map<String, Object> args, StepResult done) {
        return write.undo(StepArgs.of(write, args), done.outputs(), new TestContext(dir));
    }

    @Test
    void overwritesAndUndoRestoresThePreviousContent() throws Exception {
        Files.writeString(dir.resolve("VERSION"), "1.4.1\n");
        Map<String, Object> args = Map.of("path", "VERSION", "content", "1.4.2\n");
        StepResult result = run(args);

        assertTrue(result.isOk(), result.message());
        assertEquals("1.4.2\n", Files.readString(dir.resolve("VERSION")));
        assertEquals(6L, result.outputs().get("bytes"));

        assertTrue(undo(args, result).isOk());
        assertEquals("1.4.1\n", Files.readString(dir.resolve("VERSION")));
    }

    @Test
    void appendsAndUndoRestoresThePreviousContent() throws Exception {
        Files.writeString(dir.resolve("log.md"), "one\n");
        Map<String, Object> args = Map.of("path", "log.md", "content", "two\n", "mode", "append");
        StepResult result = run(args);

        assertEquals("one\ntwo\n", Files.readString(dir.resolve("log.md")));
        assertTrue(undo(args, result).isOk());
        assertEquals("one\n", Files.readString(dir.resolve("log.md")));
    }

    @Test
    void undoOfANewFileDeletesIt() throws Exception {
        Map<String, Object> args = Map.of("path", "new.txt", "content", "hi");
        StepResult result = run(args);

        assertNull(result.outputs().get("previous"));
        assertEquals("hi", Files.readString(dir.resolve("new.txt")));
        assertTrue(undo(args, result).isOk());
        assertFalse(Files.exists(dir.resolve("new.txt")));
    }

    @Test
    void rejectsAnUnknownMode() {
        StepResult result = run(Map.of("path", "x", "content", "y", "mode", "truncate"));

        assertFalse(result.isOk());
        assertEquals("mode is \"truncate\"; use overwrite or append", result.message());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void aMissingDirectoryFailsNamingIt() {
        StepResult result = run(Map.of("path", "no/such/dir/x", "content", "y"));

        assertFalse(result.isOk());
        assertTrue(
                result.message().startsWith("directory " + dir.resolve("no/such/dir") + " does not exist"),
                result.message());
    }
}
