package dev.runbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.testing.EngineHarness;
import dev.runbook.testing.MarkLog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps run in file order, {@code needs} reorders them, and a parallel block's steps overlap only when allowed. */
class InterpreterOrderTest {
    @TempDir
    Path dir;

    @Test
    void stepsRunInFileOrderEachAfterThePreviousEnded() {
        EngineHarness h = new EngineHarness(dir);
        RunResult result = h.run("""
                runbook "order" {
                  step c = mark { sleep: 50ms }
                  step a = mark { sleep: 50ms }
                  step b = mark
                }
                """);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(
                List.of("c start", "c end", "a start", "a end", "b start", "b end"),
                h.marks().sequence());
        assertEquals(List.of("c", "a", "b"), h.steps("step-start"));
    }

    @Test
    void needsRunsAStepBeforeOneWrittenAboveIt() {
        EngineHarness h = new EngineHarness(dir).parallel(1);
        RunResult result = h.run("""
                runbook "needs" {
                  step first = mark
                  step late = mark
                    needs early
                  step early = mark
                    needs first
                }
                """);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertEquals(List.of("first", "early", "late"), h.marks().names("start"));
        assertTrue(h.marks().time("early", "end") < h.marks().time("late", "start"));
    }

    @Test
    void aParallelBlockOverlapsWithParallelFour() {
        EngineHarness h = new EngineHarness(dir).parallel(4);
        RunResult result = h.run(wave());
        assertEquals(RunStatus.OK, result.status(), result.message());
        MarkLog log = h.marks();
        List<String> wave = List.of("w1", "w2", "w3", "w4");
        for (String x : wave) {
            for (String y : wave) {
                if (!x.equals(y)) {
                    assertTrue(
                            log.time(x, "start") < log.time(y, "end"),
                            x + " starts before " + y + " ends: " + log.marks());
                }
            }
            assertTrue(log.time("before", "end") < log.time(x, "start"), "the wave waits for the step before it");
            assertTrue(log.time(x, "end") < log.time("after", "start"), "the step after waits for the whole wave");
        }
    }

    @Test
    void aParallelBlockDoesNotOverlapWithParallelOne() {
        EngineHarness h = new EngineHarness(dir).parallel(1);
        RunResult result = h.run(wave());
        assertEquals(RunStatus.OK, result.status(), result.message());
        MarkLog log = h.marks();
        List<String> wave = List.of("w1", "w2", "w3", "w4");
        for (String x : wave) {
            for (String y : wave) {
                boolean disjoint =
                        log.time(x, "end") < log.time(y, "start") || log.time(y, "end") < log.time(x, "start");
                assertTrue(x.equals(y) || disjoint, x + " and " + y + " overlap: " + log.marks());
            }
        }
    }

    @Test
    void independentBranchesOfTheGraphOverlap() {
        EngineHarness h = new EngineHarness(dir).parallel(4);
        RunResult result = h.run("""
                runbook "branches" {
                  step root = mark
                  step b1 = mark { sleep: 300ms }
                    needs root
                  step b2 = mark { sleep: 300ms }
                    needs root
                  step b3 = mark { sleep: 300ms }
                    needs root
                  step b4 = mark { sleep: 300ms }
                    needs root
                }
                """);
        assertEquals(RunStatus.OK, result.status(), result.message());
        MarkLog log = h.marks();
        long lastStart = List.of("b1", "b2", "b3", "b4").stream()
                .mapToLong(b -> log.time(b, "start"))
                .max()
                .orElseThrow();
        long firstEnd = List.of("b1", "b2", "b3", "b4").stream()
                .mapToLong(b -> log.time(b, "end"))
                .min()
                .orElseThrow();
        assertTrue(lastStart < firstEnd, "all four branches were running at once: " + log.marks());
    }

    private static String wave() {
        return """
                runbook "wave" {
                  step before = mark
                  parallel {
                    step w1 = mark { sleep: 300ms }
                    step w2 = mark { sleep: 300ms }
                    step w3 = mark { sleep: 300ms }
                    step w4 = mark { sleep: 300ms }
                  }
                  step after = mark
                }
                """;
    }
}
