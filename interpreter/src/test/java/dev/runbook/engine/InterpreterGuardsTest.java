package dev.runbook.engine;

import static dev.runbook.testing.EngineHarness.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.testing.CounterStep;
import dev.runbook.testing.EngineHarness;
import dev.runbook.testing.TestApprover;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify polling, confirmation gates, when/unless, and step preconditions. */
class InterpreterGuardsTest {
    @TempDir
    Path dir;

    @Test
    void verifyPollsAReadStepUntilItHolds() throws IOException {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "poll" {
                  step probe = counter
                    verify it.n >= 3 within 5s every 100ms
                }
                """);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(3, CounterStep.count(dir, "probe"), "ran until n reached 3, and no more");
        assertEquals(
                List.of(false, false, true),
                h.events("verify").stream().map(e -> e.get("ok")).toList());
        assertEquals(3L, outcome(result, "probe").outputs().get("n"));
    }

    @Test
    void verifyThatNeverHoldsFailsAfterWithinNamingTheCondition() throws IOException {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "poll" {
                  step probe = counter
                    verify it.n < 0 within 300ms every 100ms
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        String message = outcome(result, "probe").message();
        assertTrue(message.contains("it.n < 0") && message.contains("300ms"), message);
        assertTrue(CounterStep.count(dir, "probe") >= 2, "it polled");
    }

    @Test
    void aVerifyThatCannotBeEvaluatedSaysWhy() throws IOException {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "poll" {
                  step probe = counter
                    verify {'n': it.n}.x == 1 within 200ms every 100ms
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        String message = outcome(result, "probe").message();
        assertTrue(message.contains("could not be evaluated after 200ms: no such key: x"), message);
    }

    @Test
    void aRunbookVerifyPollsItsProbe() throws IOException {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "final" {
                  step s1 = mark
                  verify "counted twice" counter expect it.n >= 2 within 5s every 50ms
                }
                """);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(2, CounterStep.count(dir, "verify:counted twice"));
    }

    @Test
    void aConfirmationNobodyCanAnswerRefusesTheRunBeforeAnyStepStarts() {
        EngineHarness h = new EngineHarness(dir).approver(TestApprover.nobody());
        RunResult result = h.run(gated());
        assertEquals(RunStatus.REFUSED, result.status());
        assertTrue(result.message().contains("s2 asks for confirmation"), result.message());
        assertEquals(List.of(), h.events("step-start"));
        assertEquals(List.of(), h.marks().sequence());
        assertEquals(
                List.of("run-start", "run-end"),
                h.events().stream().map(Event::kind).toList());
    }

    @Test
    void anApprovedConfirmationRuns() {
        TestApprover approver = TestApprover.approving();
        EngineHarness h = new EngineHarness(dir).approver(approver);
        RunResult result = h.run(gated());
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(List.of("s2: Drop db-1?"), approver.asked());
        assertEquals(List.of("s1", "s2", "s3"), h.marks().names("end"));
    }

    @Test
    void aRefusalAtThePromptStopsTheRun() {
        EngineHarness h = new EngineHarness(dir).approver(TestApprover.refusing());
        RunResult result = h.run(gated());
        assertEquals(RunStatus.REFUSED, result.status());
        assertEquals(List.of("s1"), h.steps("step-start"));
        assertEquals(StepStatus.NOT_RUN, outcome(result, "s3").status());
    }

    @Test
    void whenAndUnlessSkipAndAreEvaluatedWhenTheStepIsReached() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "skip" {
                  param go: bool = false
                  step a = mark
                    when go
                  step b = mark
                    when !go
                  step c = mark
                    unless exists("marks.log")
                  step d = mark
                    unless go
                }
                """);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(List.of("b", "d"), h.marks().names("start"), "c is skipped: b wrote marks.log before it");
        assertEquals(StepStatus.SKIPPED, outcome(result, "a").status());
        assertEquals(StepStatus.SKIPPED, outcome(result, "c").status());
        assertEquals(List.of("b", "d"), h.steps("step-start"));
    }

    @Test
    void anUnmetRequireBeforeAnythingChangedIsAPrecondition() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run(required("counter"));
        assertEquals(RunStatus.PRECONDITION, result.status());
        assertTrue(result.message().contains("the system is ready"), result.message());
        assertEquals(List.of(), h.marks().sequence());
        assertEquals(List.of(), h.events("undo"));
    }

    @Test
    void anUnmetRequireAfterAWriteStepFailsAndUndoes() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run(required("mark"));
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(List.of("first", "undo1"), h.marks().names("start"));
        assertEquals(StepStatus.UNDONE, outcome(result, "first").status());
    }

    @Test
    void requireIsEvaluatedRightBeforeTheStep() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "late" {
                  step s1 = mark
                  step s2 = mark
                    require "s1 left its log": exists("marks.log")
                }
                """);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(List.of("s1", "s2"), h.marks().names("end"));
    }

    private static String gated() {
        return """
                runbook "gated" {
                  param db: string = "db-1"
                  step s1 = mark
                  step s2 = mark
                    confirm "Drop ${db}?"
                  step s3 = mark
                }
                """;
    }

    private static String required(String firstType) {
        return """
                runbook "req" {
                  param ready: bool = false
                  step first = %s
                    undo mark { name: "undo1" }
                  step s2 = mark
                    require "the system is ready": ready
                }
                """.formatted(firstType);
    }

    @Test
    void aRequireMessageFillsInItsTemplate() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "msg" {
                  param branch: string = "main"
                  require "the drill starts from ${branch}, not ${upper(branch)}": branch == "release"
                  step s = mark
                }
                """);
        assertEquals(RunStatus.PRECONDITION, result.status());
        assertTrue(result.message().contains("the drill starts from main, not MAIN"), result.message());

        RunResult step = h.run("""
                runbook "msg2" {
                  step first = mark { value: "abc" }
                  step s = mark
                    require "first gave ${steps.first.out}": steps.first.out == "xyz"
                }
                """);
        assertTrue(step.message().contains("precondition not met: first gave abc"), step.message());
    }
}
