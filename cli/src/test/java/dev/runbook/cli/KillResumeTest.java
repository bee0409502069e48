package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at every step of a 10-step runbook, then resume: every step (none of them idempotent) leaves its mark
 * exactly once. Each step waits for a go-file before it marks and for an end-file after, so the harness decides
 * where the kill lands: before the mark (odd steps: resume --rerun) or after it (even: resume --assume-done).
 */
class KillResumeTest {
    static final int STEPS = 10;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    static String runbook() {
        StringBuilder rb = new StringBuilder("runbook \"marks\" {\n  param dir: path \"where the marks go\"\n");
        for (int i = 1; i <= STEPS; i++) {
            rb.append("  step s")
                    .append(i)
                    .append(" = shell { script: \"while [ ! -f go")
                    .append(i)
                    .append(" ]; do sleep 0.02; done; echo s")
                    .append(i)
                    .append(" >> marks; while [ ! -f end")
                    .append(i)
                    .append(" ]; do sleep 0.02; done\", cwd: dir }\n");
        }
        return rb.append("}\n").toString();
    }

    @Test
    void everyStepRunsExactlyOnceWhateverStepTheRunWasKilledAt(@TempDir Path tmp) throws Exception {
        for (int k = 1; k <= STEPS; k++) {
            killAtStepThenResume(Files.createDirectories(tmp.resolve("k" + k)), k);
        }
    }

    private void killAtStepThenResume(Path dir, int k) throws Exception {
        Files.writeString(dir.resolve("marks.rb"), runbook());
        for (int i = 1; i < k; i++) {
            touch(dir, "go" + i);
            touch(dir, "end" + i);
        }
        Path state = dir.resolve(".runbook");
        Spawned run = Spawned.start(dir, "run", "run", "marks.rb", "-p", "dir=" + dir, "--no-color");
        String step = "s" + k;
        Spawned.await(
                "step-start of " + step,
                LIMIT,
                () -> Spawned.journalHas(state, "step-start", step)
                        || !run.process().isAlive());
        assertTrue(run.process().isAlive(), run.err());
        // the step-start line is on disk before the step's shell is spawned: wait for the shell, so that the kill
        // below finds it among the JVM's children (an orphan started after the kill would write its mark later)
        Spawned.await(
                "the shell of " + step,
                LIMIT,
                () -> run.process()
                        .toHandle()
                        .descendants()
                        .anyMatch(h -> h.info()
                                .command()
                                .map(c -> c.endsWith("bash") || c.endsWith("sh"))
                                .orElse(false)));
        boolean afterMark = k % 2 == 0;
        if (afterMark) {
            touch(dir, "go" + k);
            Spawned.await("mark of " + step, LIMIT, () -> marks(dir).contains(step));
        }
        run.killHard();
        String id = Spawned.onlyRunId(state);

        for (int i = 1; i <= STEPS; i++) {
            touch(dir, "go" + i);
            touch(dir, "end" + i);
        }
        Cli.Result refused = Cli.run("resume", id, "--state-dir", state.toString(), "--no-color");
        assertEquals(ExitCodes.REFUSED, refused.code(), refused.all());
        assertTrue(
                refused.err().contains("step " + step + " (shell) started but its end was never recorded"),
                refused.err());

        Cli.Result resumed = Cli.run(
                "resume",
                id,
                "--state-dir",
                state.toString(),
                "--no-color",
                afterMark ? "--assume-done" : "--rerun",
                step);
        assertEquals(ExitCodes.OK, resumed.code(), resumed.all());
        assertTrue(resumed.err().contains("took over the lock of a run that died"), resumed.err());
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= STEPS; i++) {
            expected.add("s" + i);
        }
        List<String> marks = marks(dir);
        Collections.sort(
                marks, (a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))));
        assertEquals(expected, marks, "killed at " + step + (afterMark ? " after" : " before") + " its mark");

        Cli.Result again = Cli.run("resume", id, "--state-dir", state.toString());
        assertEquals(ExitCodes.OK, again.code());
        assertTrue(again.out().contains("already finished ok"), again.out());
    }

    static void touch(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        if (!Files.exists(f)) {
            Files.createFile(f);
        }
    }

    static List<String> marks(Path dir) {
        try {
            return Files.exists(dir.resolve("marks"))
                    ? new ArrayList<>(Files.readAllLines(dir.resolve("marks")))
                    : new ArrayList<>();
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }
}
