package dev.runbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last run of a runbook is found by the runs' start lines; only that run's journal is read whole. */
class LocalStateLatestRunTest {
    @Test
    void latestRunOfIsTheNewestRunOfThatRunbookWhateverTheOthers(@TempDir Path dir) throws Exception {
        LocalState state = LocalState.of(dir.resolve("state"), null);
        journal(state, "b-older", "/rb/a.rb", "2026-01-01T10:00:00Z", "failed");
        journal(state, "a-newer", "/rb/a.rb", "2026-01-01T11:00:00Z", "ok");
        journal(state, "c-other", "/rb/other.rb", "2026-01-01T12:00:00Z", "failed");
        Files.createDirectories(state.runDir("torn"));
        Files.writeString(state.journal("torn"), "{\"event\":\"run-st");

        assertEquals("a-newer", state.latestRunOf("/rb/a.rb").runId());
        assertEquals("ok", state.latestRunOf("/rb/a.rb").status());
        assertEquals("c-other", state.latestRunOf("/rb/other.rb").runId());
        assertNull(state.latestRunOf("/rb/never.rb"));
        assertNull(state.latestRunOf(null));
    }

    private static void journal(LocalState state, String id, String path, String at, String status) throws Exception {
        Clock clock = Clock.fixed(Instant.parse(at), ZoneOffset.UTC);
        try (Journal j = Journal.open(state.journal(id), Map.of("path", path), clock)) {
            j.on(new Event("run-start", null, clock.instant(), Map.of("runbook", "rb", "run_id", id)));
            j.on(new Event(
                    "run-end", null, clock.instant(), Map.of("status", status, "message", "", "duration_ms", 1L)));
        }
    }
}
