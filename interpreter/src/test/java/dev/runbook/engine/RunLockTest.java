package dev.runbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    private final Clock clock = Clock.systemUTC();
    private final String host = JournalReader.hostName();

    private LockHolder holder(long pid, String run) {
        return new LockHolder("db:prod/main", "ann", pid, host, run, Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void secondHolderIsRefusedUntilTheFirstReleases(@TempDir Path dir) throws Exception {
        LockHolder me = holder(ProcessHandle.current().pid(), "r1");
        try (RunLock lock = RunLock.acquire(dir, me, Duration.ZERO, clock)) {
            assertNull(lock.takenOverFrom());
            RunLock.Held held = assertThrows(
                    RunLock.Held.class,
                    () -> RunLock.acquire(dir, holder(ProcessHandle.current().pid(), "r2"), Duration.ZERO, clock));
            assertEquals(me, held.holder());
        }
        try (RunLock again = RunLock.acquire(dir, holder(ProcessHandle.current().pid(), "r3"), Duration.ZERO, clock)) {
            assertEquals("r3", again.holder().runId());
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void deadHolderOnThisHostIsTakenOver(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        LockHolder dead = holder(gone.pid(), "old");
        Files.writeString(dir.resolve(RunLock.fileName("db:prod/main")), dev.runbook.json.Json.write(dead.toMap()));
        try (RunLock lock = RunLock.acquire(dir, holder(ProcessHandle.current().pid(), "new"), Duration.ZERO, clock)) {
            assertEquals(dead, lock.takenOverFrom());
        }
    }

    @Test
    void scopeBecomesASafeFileName() {
        String name = RunLock.fileName("quickstart:/tmp/x y");
        assertEquals(true, name.matches("[A-Za-z0-9._-]+\\.lock"), name);
    }
}
