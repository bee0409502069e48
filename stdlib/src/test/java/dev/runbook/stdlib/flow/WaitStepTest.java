package dev.runbook.stdlib.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.StepArgs;
import dev.runbook.testing.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaitStepTest {
    private final WaitStep wait = new WaitStep();

    @TempDir
    Path dir;

    @Test
    void waitsAtLeastTheDuration() throws Exception {
        StepResult result =
                wait.execute(StepArgs.of(wait, Map.of("duration", Duration.ofMillis(30))), new TestContext(dir));

        assertTrue(result.isOk(), result.message());
        assertTrue(((Duration) result.outputs().get("waited")).toMillis() >= 30);
    }

    @Test
    void stopsWhenTheRunIsCancelled() {
        StepResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> wait.execute(
                        StepArgs.of(wait, Map.of("duration", Duration.ofHours(1))), new CancelledContext(dir)));

        assertFalse(result.isOk());
        assertEquals("cancelled after 0s of 1h", result.message());
    }

    @Test
    void describesItself() {
        assertEquals("wait 30s", wait.describe(StepArgs.of(wait, Map.of("duration", Duration.ofSeconds(30)))));
    }
}
