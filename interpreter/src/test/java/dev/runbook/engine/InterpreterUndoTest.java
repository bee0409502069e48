package dev.runbook.engine;

import static dev.runbook.testing.EngineHarness.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.testing.EngineHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saga: completed steps, and the step that failed part-way, undone in reverse order of completion; undo
 * failures, on_failure policies, on_failure steps.
 */
class InterpreterUndoTest {
    @TempDir
    Path dir;

    @Test
    void whenTheFourthStepFailsItAndTheFirstThreeAreUndoneInReverseOrder() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run(saga("", ""));
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(
                List.of("s1", "s2", "s3", "s4", "undo4", "undo3", "undo2", "undo1"),
                h.marks().names("start"));
        assertEquals(List.of("s4", "s3", "s2", "s1"), h.steps("undo"));
        h.events("undo").forEach(e -> assertEquals("ok", e.text("status")));
        assertEquals(StepStatus.UNDONE, outcome(result, "s1").status());
        assertEquals(StepStatus.UNDONE, outcome(result, "s4").status());
        assertEquals(StepStatus.NOT_RUN, outcome(result, "s5").status());
        assertTrue(result.message().startsWith("step s4 failed"), result.message());
    }

    @Test
    void aFailingUndoMakesTheRunUndoFailedAndTheOtherUndosStillRun() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run(saga(", fail: true", ""));
        assertEquals(RunStatus.UNDO_FAILED, result.status());
        assertEquals(
                List.of("undo4", "undo3", "undo2", "undo1"),
                h.marks().names("start").subList(4, 8));
        assertEquals(List.of("undo2"), h.marks().names("fail").subList(1, 2));
        assertEquals(StepStatus.UNDO_FAILED, outcome(result, "s2").status());
        assertEquals(StepStatus.UNDONE, outcome(result, "s1").status());
        assertTrue(result.message().contains("undo failed too"), result.message());
    }

    @Test
    void onFailureContinueGoesOnWithoutUndo() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run(saga("", "on_failure continue"));
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), h.marks().names("start"));
        assertEquals(List.of(), h.events("undo"));
        assertEquals(StepStatus.FAILED, outcome(result, "s4").status());
        assertEquals(StepStatus.OK, outcome(result, "s5").status());
    }

    @Test
    void onFailureStopFailsWithoutUndo() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run(saga("", "on_failure stop"));
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(List.of("s1", "s2", "s3", "s4"), h.marks().names("start"));
        assertEquals(List.of(), h.events("undo"));
        assertEquals(StepStatus.OK, outcome(result, "s1").status(), "what s1 did stays");
        assertEquals(StepStatus.NOT_RUN, outcome(result, "s5").status());
    }

    @Test
    void onFailureStepsRunAfterTheUndoAndBeforeFinally() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "failure" {
                  step s1 = mark
                    undo mark { name: "undo1" }
                  step s2 = mark { fail: true }
                  on_failure {
                    step alert = mark
                  }
                  finally {
                    step fin = mark
                  }
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(List.of("s1", "s2", "undo1", "alert", "fin"), h.marks().names("start"));
    }

    @Test
    void aStepWhoseVerifyFailsRanAndIsUndoneFirst() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "unverified" {
                  step s1 = mark
                    undo mark { name: "undo1" }
                  step s2 = mark
                    undo mark { name: "undo2" }
                    verify 1 == 2
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(List.of("s1", "s2", "undo2", "undo1"), h.marks().names("start"));
        assertEquals(StepStatus.UNDONE, outcome(result, "s2").status());
        assertTrue(result.message().contains("verify failed"), result.message());
    }

    @Test
    void aStepThatFailsPartWayIsUndoneFirst() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "broken" {
                  step s1 = mark
                    undo mark { name: "undo1" }
                  step s2 = mark { fail: true }
                    undo mark { name: "undo2" }
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(List.of("s1", "s2", "undo2", "undo1"), h.marks().names("start"));
        assertEquals(StepStatus.UNDONE, outcome(result, "s2").status());
        assertEquals(
                true,
                h.events("step-end").stream()
                        .filter(e -> "s2".equals(e.step()))
                        .findFirst()
                        .orElseThrow()
                        .data()
                        .get("partial"));
    }

    @Test
    void aStepThatRefusedBeforeChangingAnythingIsNotUndone() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "refused" {
                  step s1 = mark
                    undo mark { name: "undo1" }
                  step s2 = mark { refuse: true }
                    undo mark { name: "undo2" }
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(List.of("s1", "undo1"), h.marks().names("start"));
        assertEquals(StepStatus.FAILED, outcome(result, "s2").status());
    }

    @Test
    void onFailureStepsDoNotRunAfterSuccess() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "fine" {
                  step s1 = mark
                  on_failure {
                    step alert = mark
                  }
                }
                """);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(List.of("s1"), h.marks().names("start"));
        assertEquals(StepStatus.NOT_RUN, outcome(result, "alert").status());
    }

    @Test
    void aFailureInAWaveLetsTheRunningStepFinishThenUndoesIt() {
        EngineHarness h = new EngineHarness(dir).parallel(4);
        RunResult result = h.run("""
                runbook "wave" {
                  parallel {
                    step quick = mark { fail: true }
                    step slow = mark { sleep: 300ms }
                      undo mark { name: "undo-slow" }
                  }
                  step after = mark
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        assertTrue(h.marks().time("quick", "fail") < h.marks().time("slow", "end"), "slow was running already");
        assertEquals(List.of("slow", "undo-slow"), h.marks().names("end"));
        assertEquals(StepStatus.NOT_RUN, outcome(result, "after").status());
    }

    @Test
    void skippedStepsAreNotUndone() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "skipped" {
                  param go: bool = false
                  step s1 = mark
                    undo mark { name: "undo1" }
                  step s2 = mark
                    when go
                    undo mark { name: "undo2" }
                  step s3 = mark { fail: true }
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(List.of("s1", "s3", "undo1"), h.marks().names("start"));
        assertEquals(StepStatus.SKIPPED, outcome(result, "s2").status());
    }

    /** Five steps, each with an undo; s4 fails with the given policy clause; {@code undo2} gets extra args. */
    private static String saga(String undo2Args, String s4Policy) {
        return """
                runbook "saga" {
                  step s1 = mark
                    undo mark { name: "undo1" }
                  step s2 = mark
                    undo mark { name: "undo2"%s }
                  step s3 = mark
                    undo mark { name: "undo3" }
                  step s4 = mark { fail: true }
                    undo mark { name: "undo4" }
                    %s
                  step s5 = mark
                }
                """.formatted(undo2Args, s4Policy);
    }
}
