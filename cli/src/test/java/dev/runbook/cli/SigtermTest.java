package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM during a long step: exit 130, its process tree killed, finally run, a journal that resume completes. */
class SigtermTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void sigtermStopsKillsTheChildAndLeavesAResumableJournal(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("long.rb"), """
                runbook "long" {
                  param dir: path "where"
                  step first = shell { script: "echo first >> marks", cwd: dir }
                  step long = shell { script: "echo $$ > long.pid; while [ ! -f go ]; do sleep 0.05; done; echo long >> marks", cwd: dir }
                  step last = shell { script: "echo last >> marks", cwd: dir }
                  finally {
                    step cleanup = shell { script: "echo cleanup >> marks", cwd: dir }
                  }
                }
                """);
        Path state = dir.resolve(".runbook");
        Spawned run = Spawned.start(dir, "run", "run", "long.rb", "-p", "dir=" + dir, "--no-color");
        Spawned.await(
                "the long step to start",
                LIMIT,
                () -> Files.exists(dir.resolve("long.pid")) && Spawned.journalHas(state, "step-start", "long"));
        long child = Long.parseLong(Files.readString(dir.resolve("long.pid")).strip());
        run.process().destroy();
        assertEquals(ExitCodes.INTERRUPTED, run.waitFor(LIMIT), run.err());
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the step's shell died");
        assertEquals(List.of("first", "cleanup"), KillResumeTest.marks(dir));
        String id = Spawned.onlyRunId(state);
        List<Map<String, Object>> journal = Spawned.journalLines(state.resolve("runs/" + id + "/journal.jsonl"));
        assertEquals("interrupted", journal.get(journal.size() - 1).get("status"));
        assertTrue(run.err().contains("runbook resume " + id), run.err());

        KillResumeTest.touch(dir, "go");
        Cli.Result resumed = Cli.run("resume", id, "--state-dir", state.toString(), "--no-color");
        assertEquals(ExitCodes.OK, resumed.code(), resumed.all());
        assertEquals(List.of("first", "cleanup", "long", "last", "cleanup"), KillResumeTest.marks(dir));
        assertTrue(resumed.out().contains("first: ok in an earlier attempt of this run; not repeated"), resumed.out());
    }
}
