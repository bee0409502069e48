package dev.runbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runbook.testing.EngineHarness;
import dev.runbook.testing.TestApprover;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finally steps run once the run has begun, whatever happened: after success, after a failure (after the undo),
 * after the operator refused a confirmation, after on_failure stop. A run refused before it began (nobody can
 * answer a confirmation) or stopped by a runbook precondition changed nothing, so nothing runs, finally included.
 */
class InterpreterFinallyTest {
    @TempDir
    Path dir;

    private static final String RUNBOOK = """
            runbook "fin" {
              param fail: bool = false
              param policy_stop: bool = false
              step s1 = mark
                undo mark { name: "undo1" }
              step s2 = mark { fail: fail }
                confirm "go on?"
              finally {
                step fin = mark
              }
            }
            """;

    @Test
    void finallyRunsAfterSuccess() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run(RUNBOOK);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(List.of("s1", "s2", "fin"), h.marks().names("end"));
    }

    @Test
    void finallyRunsAfterAFailureAndAfterTheUndo() {
        EngineHarness h = new EngineHarness(dir).param("fail", "true");
        RunResult result = h.run(RUNBOOK);
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(List.of("s1", "s2", "undo1", "fin"), h.marks().names("start"));
    }

    @Test
    void finallyRunsAfterTheOperatorRefusedAConfirmation() {
        TestApprover approver = TestApprover.refusing();
        EngineHarness h = new EngineHarness(dir).approver(approver);
        RunResult result = h.run(RUNBOOK);
        assertEquals(RunStatus.REFUSED, result.status());
        assertEquals(List.of("s2: go on?"), approver.asked());
        assertEquals(List.of("s1", "undo1", "fin"), h.marks().names("start"), "s2 never started");
    }

    @Test
    void finallyRunsAfterOnFailureStop() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "stop" {
                  step s1 = mark { fail: true }
                    on_failure stop
                  finally {
                    step fin = mark
                  }
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(List.of("s1", "fin"), h.marks().names("start"));
    }

    @Test
    void aFailingFinallyStepFailsAnOtherwiseGoodRunAndTheNextFinallyStepStillRuns() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "fin" {
                  step s1 = mark
                  finally {
                    step fin1 = mark { fail: true }
                    step fin2 = mark
                  }
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(List.of("s1", "fin1", "fin2"), h.marks().names("start"));
    }

    @Test
    void nothingRunsFinallyIncludedWhenTheRunIsRefusedBeforeItBegins() {
        EngineHarness h = new EngineHarness(dir).approver(TestApprover.nobody());
        RunResult result = h.run(RUNBOOK);
        assertEquals(RunStatus.REFUSED, result.status());
        assertEquals(List.of(), h.marks().sequence());
        assertEquals(List.of(), h.events("step-start"));
    }
}
