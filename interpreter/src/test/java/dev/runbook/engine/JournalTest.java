package dev.runbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private Event event(String kind, String step, Map<String, Object> data) {
        return new Event(kind, step, clock.instant(), data);
    }

    @Test
    void foldsStepsAndToleratesATornLastLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("runs/r1/journal.jsonl");
        try (Journal j = Journal.open(
                file, Map.of("plan_hash", "abc", "user", "ann", "pid", 1L, "given", java.util.List.of("x")), clock)) {
            j.on(event("run-start", null, Map.of("runbook", "rb", "run_id", "r1")));
            j.on(event("step-start", "a", Map.of("type", "exec", "describe", "run a")));
            j.on(event("step-output", "a", Map.of("line", "noise")));
            j.on(event(
                    "step-end",
                    "a",
                    Map.of("status", "ok", "attempts", 1L, "duration_ms", 5L, "outputs", Map.of("stdout", "hi"))));
            j.on(event("step-start", "b", Map.of("type", "exec", "describe", "run b")));
        }
        Files.writeString(file, "{\"event\":\"step-end\",\"step\":\"b\",\"sta", StandardOpenOption.APPEND);

        RunRecord r = JournalReader.read(file);
        assertEquals("r1", r.runId());
        assertEquals("abc", r.planHash());
        assertEquals("ann", r.user());
        assertEquals("crashed", r.status());
        assertTrue(r.torn());
        assertTrue(r.steps().get("a").done());
        assertEquals(Map.of("stdout", "hi"), r.steps().get("a").outputs());
        assertTrue(r.steps().get("b").started());
        assertEquals("run b", r.steps().get("b").describe());
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).lines().noneMatch(l -> l.contains("noise")));
    }

    @Test
    void undoAndRunEndAreFolded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = Journal.open(file, Map.of(), clock)) {
            j.on(event("run-start", null, Map.of("runbook", "rb", "run_id", "r2")));
            j.on(event("step-end", "a", Map.of("status", "ok")));
            j.on(event("undo", "a", Map.of("status", "ok", "describe", "remove x")));
            j.on(event("run-end", null, Map.of("status", "failed", "message", "step b failed", "duration_ms", 9L)));
        }
        RunRecord r = JournalReader.read(file);
        assertEquals("failed", r.status());
        assertEquals("undone", r.steps().get("a").status());
        assertEquals("remove x", r.steps().get("a").undo());
        assertEquals(false, r.steps().get("a").done());
    }

    @Test
    void stepsStartingTogetherEachFindTheirStartLineWrittenWhenTheirEventReturns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        int steps = 8;
        java.util.List<String> missing = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (Journal j = Journal.open(file, Map.of(), clock)) {
            j.on(event("run-start", null, Map.of("runbook", "rb", "run_id", "r3")));
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < steps; i++) {
                String id = "s" + i;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        j.on(event("step-start", id, Map.of("type", "exec", "describe", "run " + id)));
                        if (!Files.readString(file).contains("\"step\":\"" + id + "\"")) {
                            missing.add(id);
                        }
                    } catch (Exception e) {
                        missing.add(id + ": " + e);
                    }
                });
                threads.add(t);
                t.start();
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(j.failure() == null);
        }
        assertEquals(java.util.List.of(), missing);
        RunRecord r = JournalReader.read(file);
        assertEquals(steps, r.steps().size());
        assertTrue(!r.torn());
    }
}
