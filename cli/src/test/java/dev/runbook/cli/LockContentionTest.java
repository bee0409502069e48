package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs of one runbook started together: exactly one runs, the other exits 5 naming who holds the lock. */
class LockContentionTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void secondRunIsRefusedNamingTheHolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.rb"), """
                runbook "one" {
                  param dir: path "where"
                  step mark = shell { script: "echo ran >> marks; while [ ! -f go ]; do sleep 0.02; done", cwd: dir }
                }
                """);
        Spawned a = Spawned.start(dir, "a", "run", "one.rb", "-p", "dir=" + dir);
        Spawned b = Spawned.start(dir, "b", "run", "one.rb", "-p", "dir=" + dir);
        Spawned.await(
                "one run to give up",
                LIMIT,
                () -> !a.process().isAlive() || !b.process().isAlive());
        Spawned loser = a.process().isAlive() ? b : a;
        Spawned winner = loser == a ? b : a;
        assertEquals(ExitCodes.REFUSED, loser.waitFor(LIMIT), loser.err());
        assertTrue(
                loser.err().contains("lock \"one\" is held by " + RunSession.user() + " (pid " + winner.pid()),
                loser.err());
        Spawned.await(
                "the winner to mark", LIMIT, () -> KillResumeTest.marks(dir).size() == 1);
        KillResumeTest.touch(dir, "go");
        assertEquals(ExitCodes.OK, winner.waitFor(LIMIT), winner.err());
        assertEquals(List.of("ran"), KillResumeTest.marks(dir));
        assertEquals(List.of(), List.of(dir.resolve(".runbook/locks").toFile().list()), "lock released");
    }

    @Test
    void waitLockWaitsForTheHolderToFinish(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.rb"), """
                runbook "one" {
                  param dir: path "where"
                  step mark = shell { script: "echo ran >> marks; while [ ! -f go ]; do sleep 0.02; done", cwd: dir }
                }
                """);
        Spawned a = Spawned.start(dir, "a", "run", "one.rb", "-p", "dir=" + dir);
        Spawned.await(
                "the first run to mark", LIMIT, () -> KillResumeTest.marks(dir).size() == 1);
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(500);
                KillResumeTest.touch(dir, "go");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        release.start();
        Cli.Result second = Cli.run("run", dir.resolve("one.rb").toString(), "-p", "dir=" + dir, "--wait-lock", "1m");
        assertEquals(ExitCodes.OK, second.code(), second.all());
        assertEquals(ExitCodes.OK, a.waitFor(LIMIT), a.err());
        assertEquals(List.of("ran", "ran"), KillResumeTest.marks(dir));
        release.join();
    }
}
