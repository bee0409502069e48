package dev.runbook.stdlib.exec;

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

class ShellStepTest {
    private final ShellStep shell = new ShellStep();

    @TempDir
    Path dir;

    @Test
    void runsPipesAndRedirectionsInTheRunbookDirectory() throws Exception {
        Files.writeString(dir.resolve("app.log"), "ok\nERROR one\nok\nERROR two\n");
        StepResult result = shell.execute(
                StepArgs.of(shell, Map.of("script", "grep ERROR app.log | wc -l > count; cat count", "cwd", ".")),
                new TestContext(dir));

        assertTrue(result.isOk(), result.message());
        assertEquals("2", ((String) result.outputs().get("stdout")).strip());
    }

    @Test
    void failsWithTheScriptsExitCode() throws Exception {
        StepResult result = shell.execute(
                StepArgs.of(shell, Map.of("script", "echo 'pm2 not found' >&2; exit 127")), new TestContext(dir));

        assertFalse(result.isOk());
        assertTrue(result.message().contains("exited with code 127"), result.message());
        assertTrue(result.message().endsWith("pm2 not found"), result.message());
    }

    @Test
    void anotherShellMayBeChosen() throws Exception {
        StepResult result =
                shell.execute(StepArgs.of(shell, Map.of("script", "echo $0", "shell", "sh")), new TestContext(dir));

        assertEquals("sh\n", result.outputs().get("stdout"));
    }

    @Test
    void describeShowsTheFirstLineOfTheScript() {
        String line = shell.describe(StepArgs.of(shell, Map.of("script", "cd /srv/app\nnpm ci --production")));

        assertEquals("run bash script `cd /srv/app ...`", line);
    }
}
