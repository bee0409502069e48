package dev.runbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.testing.EngineHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retry with growing delays; a timeout that kills a process tree that ignores SIGTERM. */
class InterpreterRetryTimeoutTest {
    @TempDir
    Path dir;

    @Test
    void aStepFailingTwiceRunsThreeTimesWithGrowingGaps() throws IOException {
        String runbook = """
                runbook "retry" {
                  step flaky = mark { fail_times: 2 }
                    retry 3 delay 100ms backoff 2
                }
                """;
        // a first run loads the classes of the retry path, so that cost does not land in the first gap measured
        new EngineHarness(Files.createDirectory(dir.resolve("warm-up"))).run(runbook);
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run(runbook);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(
                List.of("flaky start", "flaky fail", "flaky start", "flaky fail", "flaky start", "flaky end"),
                h.marks().sequence());
        assertEquals(3, EngineHarness.outcome(result, "flaky").attempts());
        List<Long> starts = h.marks().times("flaky", "start");
        long first = starts.get(1) - starts.get(0);
        long second = starts.get(2) - starts.get(1);
        assertTrue(first >= 100_000_000L, "the first delay is at least 100ms: " + first);
        assertTrue(
                second >= first * 1.5,
                "backoff 2 makes the second gap grow: " + first + " then " + second + " in "
                        + h.marks().marks());
        assertEquals(2, h.events("notice").size(), "one retry notice per failed attempt");
    }

    @Test
    void retryGivesUpAfterTheLastAttempt() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "retry" {
                  step flaky = mark { fail_times: 5 }
                    retry 2 delay 10ms
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(2, h.marks().count("flaky", "start"));
        assertTrue(result.message().contains("failed on attempt 2"), result.message());
    }

    @Test
    void aTimeoutKillsAProcessTreeThatIgnoresTerm() throws IOException {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "timeout" {
                  step stuck = cmd { argv: ["bash", "-c", "trap '' TERM; echo $$ > bash.pid; sleep 60 & echo $! > pidfile; wait"] }
                    timeout 1s
                  step after = mark
                }
                """);
        assertEquals(RunStatus.FAILED, result.status());
        StepOutcome stuck = EngineHarness.outcome(result, "stuck");
        assertEquals(StepStatus.FAILED, stuck.status());
        assertTrue(stuck.message().contains("timed out after 1s"), stuck.message());
        assertTrue(h.events("step-end").get(0).text("message").contains("timed out"));
        long bash = Long.parseLong(Files.readString(dir.resolve("bash.pid")).strip());
        long sleep = Long.parseLong(Files.readString(dir.resolve("pidfile")).strip());
        assertFalse(alive(bash), "bash " + bash + " was killed");
        assertFalse(alive(sleep), "its sleep child " + sleep + " was killed");
        assertEquals(List.of(), h.marks().sequence(), "nothing after the timed-out step ran");
    }

    /** Alive means it exists and is not a zombie waiting to be reaped (a dead child of a dead parent may be). */
    static boolean alive(long pid) throws IOException {
        if (!Files.isDirectory(Path.of("/proc"))) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text;
        try {
            text = Files.readString(stat);
        } catch (IOException gone) {
            return false;
        }
        char state = text.charAt(text.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }
}
