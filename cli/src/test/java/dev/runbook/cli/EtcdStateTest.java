package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's state in a real three-member etcd cluster (one per class, members killed and started again by the tests):
 * two machines on one lock, a runner killed and its run resumed from another machine once its lease expired, the
 * leader killed mid-run, and two of three members killed mid-run. Each test has its own prefix; leases are short.
 */
class EtcdStateTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    static Path clusterDir;

    private static EtcdCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = EtcdCluster.start(clusterDir);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Step i touches started{i}, waits for go{i}, marks, then waits for end{i}: the test decides where it stands. */
    static String runbook(int steps) {
        StringBuilder rb = new StringBuilder("runbook \"marks\" {\n  param dir: path \"where the marks go\"\n");
        for (int i = 1; i <= steps; i++) {
            rb.append("  step s%d = shell { script: \"touch started%d; while [ ! -f go%d ]; do sleep 0.02; done; "
                            .formatted(i, i, i))
                    .append("echo s%d >> marks; while [ ! -f end%d ]; do sleep 0.02; done\", cwd: dir }\n"
                            .formatted(i, i));
        }
        return rb.append("}\n").toString();
    }

    private static Path machine(Path tmp, String name, int steps) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("marks.rb"), runbook(steps));
        return dir;
    }

    private static void release(Path marks, int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            KillResumeTest.touch(marks, "go" + i);
            KillResumeTest.touch(marks, "end" + i);
        }
    }

    private static List<String> sortedMarks(Path marks) {
        List<String> m = KillResumeTest.marks(marks);
        Collections.sort(m);
        return m;
    }

    private static List<String> expected(int steps) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            out.add("s" + i);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyRun(String state) {
        Cli.Result runs = Cli.run("runs", "--state", state, "--json");
        assertEquals(ExitCodes.OK, runs.code(), runs.all());
        List<Object> all = (List<Object>) Json.parse(runs.out());
        assertEquals(1, all.size(), runs.out());
        return (Map<String, Object>) all.get(0);
    }

    private static String statusOf(String state) {
        return String.valueOf(onlyRun(state).get("status"));
    }

    @Test
    void twoMachinesOnOneLockTheSecondExits5NamingTheHolder(@TempDir Path tmp) throws Exception {
        String state = cluster.url("lock", 3);
        Path marks = Files.createDirectories(tmp.resolve("marks"));
        Path a = machine(tmp, "a", 1);
        Path b = machine(tmp, "b", 1);
        Spawned first = Spawned.start(a, "run", "run", "marks.rb", "-p", "dir=" + marks, "--state", state);
        Spawned.await("the first run's step", LIMIT, () -> Files.exists(marks.resolve("started1")));

        Cli.Result second = Cli.run("run", b.resolve("marks.rb").toString(), "-p", "dir=" + marks, "--state", state);
        assertEquals(ExitCodes.REFUSED, second.code(), second.all());
        assertTrue(
                second.err().contains("lock \"marks\" is held by " + RunSession.user() + " (pid " + first.pid()),
                second.err());
        assertEquals("running", statusOf(state), "seen from the other machine");

        release(marks, 1, 1);
        assertEquals(ExitCodes.OK, first.waitFor(LIMIT), first.err());
        assertEquals(List.of("s1"), KillResumeTest.marks(marks));
        Map<String, Object> run = onlyRun(state);
        assertEquals("ok", run.get("status"));
        Cli.Result show = Cli.run("show", run.get("run_id").toString(), "--state", state);
        assertEquals(ExitCodes.OK, show.code(), show.all());
        assertTrue(show.out().contains("ok s1"), show.out());

        Cli.Result again = Cli.run("run", b.resolve("marks.rb").toString(), "-p", "dir=" + marks, "--state", state);
        assertEquals(ExitCodes.OK, again.code(), "the lock was released: " + again.all());
    }

    @Test
    void aKilledRunnersLeaseExpiresAndAnotherMachineResumesItEveryStepOnce(@TempDir Path tmp) throws Exception {
        String state = cluster.url("kill", 3);
        Path marks = Files.createDirectories(tmp.resolve("marks"));
        Path a = machine(tmp, "a", 4);
        release(marks, 1, 1);
        Spawned run = Spawned.start(a, "run", "run", "marks.rb", "-p", "dir=" + marks, "--state", state);
        Spawned.await("step s2 to start", LIMIT, () -> Files.exists(marks.resolve("started2")));
        KillResumeTest.touch(marks, "go2");
        Spawned.await("the mark of s2", LIMIT, () -> KillResumeTest.marks(marks).contains("s2"));
        run.killHard();
        Files.delete(a.resolve("marks.rb")); // that machine is gone
        String id = onlyRun(state).get("run_id").toString();
        Spawned.await("the dead runner's lease to expire", LIMIT, () -> "crashed".equals(statusOf(state)));

        Path b = machine(tmp, "b", 4);
        release(marks, 1, 4);
        Cli.Result noFile = Cli.run("resume", id, "--state", state);
        assertEquals(ExitCodes.INVALID, noFile.code(), noFile.all());
        assertTrue(noFile.err().contains("which is not here"), noFile.err());
        String runbook = b.resolve("marks.rb").toString();
        Cli.Result undecided = Cli.run("resume", id, runbook, "--state", state);
        assertEquals(ExitCodes.REFUSED, undecided.code(), undecided.all());
        assertTrue(undecided.err().contains("step s2 (shell) started but its end was never recorded"), undecided.err());

        Cli.Result resumed = Cli.run("resume", id, runbook, "--state", state, "--assume-done", "s2");
        assertEquals(ExitCodes.OK, resumed.code(), resumed.all());
        assertEquals(expected(4), sortedMarks(marks));
        assertEquals("ok", statusOf(state));
    }

    @Test
    void theLeaderKilledMidRunTheRunGoesOn(@TempDir Path tmp) throws Exception {
        String state = cluster.url("leader", 5);
        Path marks = Files.createDirectories(tmp.resolve("marks"));
        Path a = machine(tmp, "a", 3);
        release(marks, 1, 1);
        try {
            Spawned run = Spawned.start(a, "run", "run", "marks.rb", "-p", "dir=" + marks, "--state", state);
            Spawned.await("step s2 to start", LIMIT, () -> Files.exists(marks.resolve("started2")));
            cluster.kill(cluster.leader());
            release(marks, 2, 3); // s2 ends and s3 runs while the members elect a new leader
            assertEquals(ExitCodes.OK, run.waitFor(LIMIT), run.err());
            assertEquals(expected(3), sortedMarks(marks));
            Map<String, Object> record = onlyRun(state);
            assertEquals("ok", record.get("status"));
            Cli.Result show = Cli.run("show", record.get("run_id").toString(), "--state", state);
            assertTrue(show.out().contains("ok s1")
                    && show.out().contains("ok s2")
                    && show.out().contains("ok s3"));
        } finally {
            cluster.restoreAll();
        }
    }

    @Test
    void twoOfThreeMembersKilledTheRunnerStopsAtASafePointAndResumeCompletesIt(@TempDir Path tmp) throws Exception {
        String state = cluster.url("quorum", 3);
        Path marks = Files.createDirectories(tmp.resolve("marks"));
        Path a = machine(tmp, "a", 3);
        release(marks, 1, 1);
        String id;
        try {
            Spawned run = Spawned.start(a, "run", "run", "marks.rb", "-p", "dir=" + marks, "--state", state);
            Spawned.await("step s2 to start", LIMIT, () -> Files.exists(marks.resolve("started2")));
            id = onlyRun(state).get("run_id").toString();
            int leader = cluster.leader();
            cluster.kill(leader);
            cluster.kill((leader + 1) % 3);
            assertEquals(ExitCodes.LOCK_LOST, run.waitFor(LIMIT), run.err());
            assertTrue(run.err().contains("lost its lock"), run.err());
            assertTrue(run.err().contains("runbook resume " + id), run.err());
            assertEquals(List.of("s1"), KillResumeTest.marks(marks), "s2 was stopped before its mark, s3 never ran");
        } finally {
            cluster.restoreAll();
        }
        Spawned.await("the stopped runner's lease to expire", LIMIT, () -> "crashed".equals(statusOf(state)));
        Cli.Result show = Cli.run("show", id, "--state", state);
        assertTrue(show.out().contains("ok s1"), "what was recorded before the split is kept: " + show.out());

        release(marks, 1, 3);
        Cli.Result resumed = Cli.run("resume", id, a.resolve("marks.rb").toString(), "--state", state, "--rerun", "s2");
        assertEquals(ExitCodes.OK, resumed.code(), resumed.all());
        assertEquals(expected(3), sortedMarks(marks));
        assertEquals("ok", statusOf(state));
    }

    @Test
    void aRunWhoseLockIsTakenAwayStopsUndoesNothingAndWritesNoSecret(@TempDir Path tmp) throws Exception {
        String state = cluster.url("fence", 3);
        Path marks = Files.createDirectories(tmp.resolve("marks"));
        Path a = Files.createDirectories(tmp.resolve("a"));
        Files.writeString(a.resolve("fenced.rb"), """
                runbook "fenced" {
                  param dir: path "where the marks go"
                  param token: secret "an API token"
                  step s1 = shell { script: "echo ${token} > /dev/null; echo s1 >> marks", cwd: dir }
                    undo shell { script: "echo undo-s1 >> marks", cwd: dir }
                  step s2 = shell { script: "touch started2; while [ ! -f go2 ]; do sleep 0.02; done; echo s2 >> marks", cwd: dir }
                  step s3 = shell { script: "echo s3 >> marks", cwd: dir }
                }
                """);
        String secret = "hunter2-not-for-etcd";
        Spawned run = Spawned.start(
                a, "run", "run", "fenced.rb", "-p", "dir=" + marks, "-p", "token=" + secret, "--state", state);
        Spawned.await("step s2 to start", LIMIT, () -> Files.exists(marks.resolve("started2")));
        cluster.delete("fence/locks/fenced"); // as another client taking the lock would
        KillResumeTest.touch(marks, "go2");

        assertEquals(ExitCodes.LOCK_LOST, run.waitFor(LIMIT), run.err());
        assertTrue(run.err().contains("belongs to another run"), run.err());
        assertEquals(List.of("s1", "s2"), KillResumeTest.marks(marks), "no undo of s1, no s3");
        String stored = cluster.dump("fence/");
        assertTrue(stored.contains("\"step\":\"s1\""), stored);
        assertTrue(!stored.contains(secret), "the secret reached etcd: " + stored);
        assertTrue(!run.err().contains(secret) && !run.out().contains(secret), run.out() + run.err());
    }

    @Test
    void aFailedStepIsUndoneWhileTheLockIsProvenHeld(@TempDir Path tmp) throws Exception {
        String state = cluster.url("undo", 3);
        Path marks = Files.createDirectories(tmp.resolve("marks"));
        Path rb = tmp.resolve("undone.rb");
        Files.writeString(rb, """
                runbook "undone" {
                  param dir: path "where the marks go"
                  step s1 = shell { script: "echo s1 >> marks", cwd: dir }
                    undo shell { script: "echo undo-s1 >> marks", cwd: dir }
                  step s2 = shell { script: "exit 3", cwd: dir }
                }
                """);
        Cli.Result run = Cli.run("run", rb.toString(), "-p", "dir=" + marks, "--state", state, "--no-color");
        assertEquals(ExitCodes.FAILED, run.code(), run.all());
        assertEquals(List.of("s1", "undo-s1"), KillResumeTest.marks(marks));
        Map<String, Object> record = onlyRun(state);
        assertEquals("failed", record.get("status"));
        Cli.Result show = Cli.run("show", record.get("run_id").toString(), "--state", state);
        assertTrue(show.out().contains("undone s1"), show.out());
    }
}
