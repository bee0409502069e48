package dev.runbook.stdlib.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.StepArgs;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBackupStepTest {
    private final FileBackupStep backup = new FileBackupStep();

    @TempDir
    Path dir;

    private StepResult run(Map<String, Object> args) {
        return backup.execute(StepArgs.of(backup, args), new TestContext(dir));
    }

    @Test
    void makesATimestampedCopyBesideTheFile() throws Exception {
        Files.writeString(dir.resolve(".env.production"), "PORT=3001\n");
        StepResult result = run(Map.of("path", ".env.production"));

        assertTrue(result.isOk(), result.message());
        Path copy = Path.of((String) result.outputs().get("backup"));
        assertEquals(dir, copy.getParent());
        assertTrue(
                copy.getFileName().toString().matches("\\.env\\.production\\.backup\\.\\d{8}_\\d{6}"), copy.toString());
        assertEquals("PORT=3001\n", Files.readString(copy));
        assertEquals(10L, result.outputs().get("bytes"));
        assertEquals(
                FileOps.sha256(dir.resolve(".env.production")), result.outputs().get("sha256"));
        assertEquals(64, ((String) result.outputs().get("sha256")).length());
    }

    @Test
    void putsTheBackupInAnotherDirectoryWithAGivenSuffix() throws Exception {
        Files.writeString(dir.resolve("app.conf"), "x");
        Files.createDirectory(dir.resolve("backups"));
        StepResult result = run(Map.of("path", "app.conf", "dir", "backups", "suffix", ".bak"));

        assertEquals(
                dir.resolve("backups/app.conf.bak").toString(), result.outputs().get("backup"));
        assertTrue(Files.exists(dir.resolve("backups/app.conf.bak")));
    }

    @Test
    void refusesToOverwriteAnExistingBackup() throws Exception {
        Files.writeString(dir.resolve("app.conf"), "new");
        Files.writeString(dir.resolve("app.conf.bak"), "older backup");
        StepResult result = run(Map.of("path", "app.conf", "suffix", ".bak"));

        assertFalse(result.isOk());
        assertTrue(result.message().contains("already exists; refusing to overwrite"), result.message());
        assertEquals("older backup", Files.readString(dir.resolve("app.conf.bak")));
    }

    @Test
    void aMissingFileFailsNamingIt() {
        StepResult result = run(Map.of("path", "missing.conf"));

        assertFalse(result.isOk());
        assertTrue(result.message().startsWith("nothing to back up: " + dir.resolve("missing.conf")), result.message());
    }

    @Test
    void undoDeletesTheBackupItMade() throws Exception {
        Files.writeString(dir.resolve("app.conf"), "x");
        Map<String, Object> args = Map.of("path", "app.conf", "suffix", ".bak");
        StepResult result = run(args);
        StepResult undo = backup.undo(StepArgs.of(backup, args), result.outputs(), new TestContext(dir));

        assertTrue(undo.isOk(), undo.message());
        assertFalse(Files.exists(dir.resolve("app.conf.bak")));
        assertTrue(Files.exists(dir.resolve("app.conf")));
    }

    @Test
    void sha256IsTheRealDigest() throws Exception {
        Path file = Files.writeString(dir.resolve("abc"), "abc");

        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FileOps.sha256(file));
    }
}
