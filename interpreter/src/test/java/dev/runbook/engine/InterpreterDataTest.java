package dev.runbook.engine;

import static dev.runbook.testing.EngineHarness.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.plan.Redactor;
import dev.runbook.testing.EngineHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Outputs flowing between steps, secrets kept out of every event, and cancellation. */
class InterpreterDataTest {
    private static final String SECRET = "hunter2-Sup3rSecret";

    @TempDir
    Path dir;

    @Test
    void outputsFlowIntoLaterStepsArguments() throws IOException {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "flow" {
                  step a = mark { value: "hello" }
                  step b = mark { value: "${steps.a.out}-world" }
                  step c = cmd { argv: ["bash", "-c", "printf %s \\"$1\\" > flowed.txt", "_", steps.b.out] }
                }
                """);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals("hello-world", outcome(result, "b").outputs().get("out"));
        assertEquals("hello-world", Files.readString(dir.resolve("flowed.txt")));
    }

    @Test
    void aSecretNeverAppearsInAnyEventEvenWhenAStepLogsIt() throws IOException {
        EngineHarness h = new EngineHarness(dir).param("token", SECRET);
        RunResult result = h.run("""
                runbook "secret" {
                  param token: secret
                  step a = mark { value: token, say: "the token is ${token}" }
                  step b = cmd { argv: ["bash", "-c", "echo token=$1; printf %s \\"$1\\" > token.txt", "_", token] }
                  step c = mark { value: "x${token}x", fail: true }
                    on_failure continue
                }
                """);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(SECRET, Files.readString(dir.resolve("token.txt")), "the secret did reach the command");
        String all = h.events().stream()
                .map(e -> e.kind() + " " + e.step() + " " + e.data())
                .reduce("", (x, y) -> x + "\n" + y);
        assertFalse(all.contains(SECRET), all);
        assertFalse(all.contains("Sup3r"), all);
        List<String> lines =
                h.events("step-output").stream().map(e -> e.text("line")).toList();
        assertEquals(List.of("the token is " + Redactor.MASK, "token=" + Redactor.MASK), lines);
        assertTrue(
                outcome(result, "c").message().contains("x" + Redactor.MASK + "x"),
                outcome(result, "c").message());
    }

    @Test
    @Timeout(value = 25, unit = TimeUnit.SECONDS)
    void cancellingInterruptsTheRunningStepThenUndoesAndRunsFinally() throws Exception {
        EngineHarness h = new EngineHarness(dir);
        h.listener(e -> {
            if (e.kind().equals("step-start") && "long".equals(e.step())) {
                Thread t = new Thread(() -> cancelOnceStarted(h));
                t.setDaemon(true);
                t.start();
            }
        });
        RunResult result = h.run("""
                runbook "cancel" {
                  step s1 = mark
                    undo mark { name: "undo1" }
                  step long = cmd { argv: ["bash", "-c", "echo $$ > long.pid; sleep 30; touch long.done"] }
                    undo mark { name: "undo-long" }
                  step s3 = mark
                  finally {
                    step fin = mark
                  }
                }
                """);
        assertEquals(RunStatus.INTERRUPTED, result.status());
        // the interrupted step had started: it is compensated first
        assertEquals(List.of("s1", "undo-long", "undo1", "fin"), h.marks().names("start"));
        assertEquals(StepStatus.UNDONE, outcome(result, "long").status());
        assertEquals("interrupted", outcome(result, "long").message());
        assertEquals(StepStatus.NOT_RUN, outcome(result, "s3").status());
        assertFalse(Files.exists(dir.resolve("long.done")));
        long pid = Long.parseLong(Files.readString(dir.resolve("long.pid")).strip());
        assertFalse(InterpreterRetryTimeoutTest.alive(pid), "the long step's bash was killed");
        assertEquals("interrupted", h.events("run-end").get(0).text("status"));
    }

    @Test
    @Timeout(value = 25, unit = TimeUnit.SECONDS)
    void afterCancelFinallyStepsStillRetryAndPoll() throws Exception {
        EngineHarness h = new EngineHarness(dir);
        h.listener(e -> {
            if (e.kind().equals("step-start") && "long".equals(e.step())) {
                Thread t = new Thread(() -> cancelOnceStarted(h));
                t.setDaemon(true);
                t.start();
            }
        });
        RunResult result = h.run("""
                runbook "cleanup" {
                  step long = cmd { argv: ["bash", "-c", "echo $$ > long.pid; sleep 30"] }
                  finally {
                    step healthy = counter
                      verify it.n >= 3 within 5s every 50ms
                    step flaky = mark { fail_times: 1 }
                      retry 2 delay 10ms
                  }
                }
                """);
        assertEquals(RunStatus.INTERRUPTED, result.status());
        assertEquals(
                StepStatus.OK,
                outcome(result, "healthy").status(),
                outcome(result, "healthy").message());
        assertEquals(3, dev.runbook.testing.CounterStep.count(dir, "healthy"));
        assertEquals(
                StepStatus.OK,
                outcome(result, "flaky").status(),
                outcome(result, "flaky").message());
        assertEquals(2, outcome(result, "flaky").attempts());
    }

    /** Waits until the long step's process is up, then asks the run to stop, as the Ctrl-C handler does. */
    private static void cancelOnceStarted(EngineHarness h) {
        Path pid = h.workDir().resolve("long.pid");
        try {
            for (int i = 0; i < 500 && !Files.exists(pid); i++) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        h.cancel().set(true);
    }
}
