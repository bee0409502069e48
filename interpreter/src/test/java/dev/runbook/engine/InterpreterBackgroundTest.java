package dev.runbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.testing.EngineHarness;
import dev.runbook.testing.MarkLog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A background step (periodic status updates) runs beside the main steps and ends when they are over. */
class InterpreterBackgroundTest {
    @TempDir
    Path dir;

    @Test
    void theStepsAfterABackgroundStepDoNotWaitAndItEndsWhenTheyAreDone() {
        EngineHarness h = new EngineHarness(dir).parallel(1);
        RunResult result = h.run("""
                runbook "updates" {
                  step first = mark
                  step updates = tick { every: 20ms }
                  step work = mark { sleep: 300ms }
                  step last = mark
                }
                """);
        assertEquals(RunStatus.OK, result.status(), result.message());
        MarkLog log = h.marks();
        assertTrue(log.time("first", "end") < log.time("work", "start"));
        assertTrue(log.count("updates", "tick") >= 2, log.sequence().toString());
        assertTrue(log.time("last", "end") <= log.time("updates", "end"), "it ended after the main steps");
        long ticks = (Long) EngineHarness.outcome(result, "updates").outputs().get("ticks");
        assertEquals(log.count("updates", "tick"), ticks);
        assertEquals(StepStatus.OK, EngineHarness.outcome(result, "updates").status());
    }

    @Test
    void aFailureStopsTheUpdatesBeforeTheUndoAndTheRunStillFails() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "updates" {
                  step updates = tick { every: 20ms }
                  step work = mark { sleep: 100ms, fail: true }
                }
                """);
        assertEquals(RunStatus.FAILED, result.status(), result.message());
        assertTrue(result.message().startsWith("step work failed"), result.message());
        MarkLog log = h.marks();
        assertTrue(log.time("work", "fail") <= log.time("updates", "end"));
        assertEquals(List.of("updates"), log.names("end"));
    }
}
