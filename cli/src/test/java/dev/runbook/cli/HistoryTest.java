package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs and show read the journals; a failed run is resumed after its cause is fixed; a changed runbook is not. */
class HistoryTest {
    private static final String RUNBOOK = """
            runbook "hist" {
              param dir: path "where"
              step one = shell { script: "echo one >> marks", cwd: dir }
                verify exists(dir + "/marks")
              step two = shell { script: "test -f fixed && echo two >> marks", cwd: dir }
              step three = shell { script: "echo three >> marks", cwd: dir }
            }
            """;

    @Test
    void failedRunIsListedShownAndResumed(@TempDir Path dir) throws Exception {
        Path rb = dir.resolve("hist.rb");
        Files.writeString(rb, RUNBOOK);
        String state = dir.resolve(".runbook").toString();
        Cli.Result failed = Cli.run("run", rb.toString(), "-p", "dir=" + dir, "--no-color");
        assertEquals(ExitCodes.FAILED, failed.code(), failed.all());
        String id = Spawned.onlyRunId(dir.resolve(".runbook"));
        assertTrue(failed.err().contains("runbook resume " + id + " --state-dir " + state), failed.err());

        Cli.Result runs = Cli.run("runs", "--state-dir", state);
        assertTrue(
                runs.out().contains(id)
                        && runs.out().contains("hist")
                        && runs.out().contains("failed"),
                runs.out());
        Cli.Result show = Cli.run("show", id, "--state-dir", state);
        assertTrue(show.out().contains("ok one"), show.out());
        assertTrue(show.out().contains("verify ok: exists(dir + \"/marks\")"), show.out());
        assertTrue(show.out().contains("failed two"), show.out());

        Cli.Result again = Cli.run("run", rb.toString(), "-p", "dir=" + dir.resolve("sub"), "--no-color");
        assertTrue(again.err().contains("the last run of this runbook, " + id + ", ended failed"), again.err());

        Files.writeString(rb, RUNBOOK.replace("echo three", "echo THREE"));
        Cli.Result changed = Cli.run("resume", id, "--state-dir", state);
        assertEquals(ExitCodes.INVALID, changed.code(), changed.all());
        assertTrue(changed.err().contains("step three: arg script"), changed.err());

        Files.writeString(rb, RUNBOOK);
        Files.createFile(dir.resolve("fixed"));
        Cli.Result resumed = Cli.run("resume", id, "--state-dir", state, "--no-color");
        assertEquals(ExitCodes.OK, resumed.code(), resumed.all());
        assertEquals("one\ntwo\nthree\n", Files.readString(dir.resolve("marks")));
        Cli.Result json = Cli.run("show", id, "--state-dir", state, "--json");
        assertTrue(json.out().contains("\"status\": \"ok\""), json.out());
        assertTrue(json.out().contains("\"attempts\": 2"), json.out());
    }
}
