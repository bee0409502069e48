package dev.runbook.stdlib.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.StepArgs;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExistsStepTest {
    private final FileExistsStep exists = new FileExistsStep();

    @TempDir
    Path dir;

    private StepResult run(String path) {
        return exists.execute(StepArgs.of(exists, Map.of("path", path)), new TestContext(dir));
    }

    @Test
    void reportsAFile() throws Exception {
        Path env = Files.writeString(dir.resolve(".env.production"), "PORT=3001\n");
        Files.setLastModifiedTime(env, FileTime.from(Instant.parse("2024-01-15T14:30:00Z")));

        StepResult result = run(".env.production");

        assertTrue(result.isOk(), result.message());
        assertEquals(
                Map.of("exists", true, "size", 10L, "modified", "2024-01-15T14:30:00Z", "is_dir", false),
                result.outputs());
    }

    @Test
    void reportsADirectory() throws Exception {
        Files.createDirectory(dir.resolve("backups"));

        assertEquals(true, run("backups").outputs().get("is_dir"));
    }

    @Test
    void aMissingFileIsAnAnswerNotAFailure() {
        StepResult result = run("nope/missing.txt");

        assertTrue(result.isOk(), result.message());
        assertEquals(false, result.outputs().get("exists"));
        assertEquals(0L, result.outputs().get("size"));
        assertNull(result.outputs().get("modified"));
    }
}
