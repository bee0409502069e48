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

class FileRestoreStepTest {
    private final FileRestoreStep restore = new FileRestoreStep();

    @TempDir
    Path dir;

    @Test
    void restoresAndUndoPutsTheReplacedFileBack() throws Exception {
        Files.writeString(dir.resolve(".env.production"), "BROKEN=1\n");
        Files.writeString(dir.resolve(".env.production.backup.20240115_143000"), "PORT=3001\n");
        Map<String, Object> args = Map.of("from", ".env.production.backup.20240115_143000", "to", ".env.production");
        StepResult result = restore.execute(StepArgs.of(restore, args), new TestContext(dir));

        assertTrue(result.isOk(), result.message());
        assertEquals("PORT=3001\n", Files.readString(dir.resolve(".env.production")));
        assertEquals(
                FileOps.sha256(dir.resolve(".env.production")), result.outputs().get("sha256"));
        assertEquals(
                "BROKEN=1\n", Files.readString(Path.of((String) result.outputs().get("previous"))));

        StepResult undo = restore.undo(StepArgs.of(restore, args), result.outputs(), new TestContext(dir));
        assertTrue(undo.isOk(), undo.message());
        assertEquals("BROKEN=1\n", Files.readString(dir.resolve(".env.production")));
    }

    @Test
    void restoringOverNothingRecordsNoPrevious() throws Exception {
        Files.writeString(dir.resolve("app.bak"), "x");
        StepResult result = restore.execute(
                StepArgs.of(restore, Map.of("from", "app.bak", "to", "app.conf")), new TestContext(dir));

        assertTrue(result.isOk(), result.message());
        assertNull(result.outputs().get("previous"));
        assertEquals("x", Files.readString(dir.resolve("app.conf")));
    }

    @Test
    void aMissingBackupFailsBeforeTouchingTheTarget() throws Exception {
        Files.writeString(dir.resolve("app.conf"), "current");
        StepResult result = restore.execute(
                StepArgs.of(restore, Map.of("from", "app.conf.bak", "to", "app.conf")), new TestContext(dir));

        assertFalse(result.isOk());
        assertTrue(
                result.message().startsWith("backup " + dir.resolve("app.conf.bak") + " is missing"), result.message());
        assertEquals("current", Files.readString(dir.resolve("app.conf")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing kept or written");
        }
    }
}
