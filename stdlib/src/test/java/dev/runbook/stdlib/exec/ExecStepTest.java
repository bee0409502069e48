package dev.runbook.stdlib.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.model.Unknown;
import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.StepArgs;
import dev.runbook.testing.TestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecStepTest {
    private final ExecStep exec = new ExecStep();

    @TempDir
    Path dir;

    private StepResult run(Map<String, Object> args, TestContext context) throws InterruptedException {
        return exec.execute(StepArgs.of(exec, args), context);
    }

    @Test
    void capturesOutputAndStreamsLines() throws Exception {
        TestContext context = new TestContext(dir);
        StepResult result = run(Map.of("argv", List.of("printf", "one\\ntwo\\n")), context);

        assertTrue(result.isOk(), result.message());
        assertEquals(0L, result.outputs().get("exit_code"));
        assertEquals("one\ntwo\n", result.outputs().get("stdout"));
        assertEquals("", result.outputs().get("stderr"));
        assertTrue(result.outputs().get("duration") instanceof Duration);
        assertEquals(List.of("one", "two"), context.lines());
    }

    @Test
    void argvIsNotInterpretedByAShell() throws Exception {
        StepResult result = run(Map.of("argv", List.of("echo", "$HOME; ls")), new TestContext(dir));

        assertEquals("$HOME; ls\n", result.outputs().get("stdout"));
    }

    @Test
    void passesEnvCwdAndStdin() throws Exception {
        Files.createDirectory(dir.resolve("sub"));
        StepResult result = run(
                Map.of(
                        "argv",
                        List.of("bash", "-c", "echo \"$GREETING\"; pwd; cat"),
                        "env",
                        Map.of("GREETING", "hello"),
                        "cwd",
                        "sub",
                        "stdin",
                        "from stdin"),
                new TestContext(dir));

        assertTrue(result.isOk(), result.message());
        String expected = "hello\n" + dir.resolve("sub").toRealPath() + "\nfrom stdin\n";
        assertEquals(expected, result.outputs().get("stdout"));
    }

    @Test
    void failureQuotesExitCodeAndLastStderrLine() throws Exception {
        StepResult result = run(
                Map.of("argv", List.of("bash", "-c", "echo first >&2; echo 'disk full' >&2; exit 3")),
                new TestContext(dir));

        assertFalse(result.isOk());
        assertTrue(result.message().contains("exited with code 3"), result.message());
        assertTrue(result.message().endsWith("disk full"), result.message());
        assertEquals(3L, result.outputs().get("exit_code"));
    }

    @Test
    void okCodesWidenSuccess() throws Exception {
        StepResult result =
                run(Map.of("argv", List.of("bash", "-c", "exit 1"), "ok_codes", List.of(0L, 1L)), new TestContext(dir));

        assertTrue(result.isOk(), result.message());
        assertEquals(1L, result.outputs().get("exit_code"));
    }

    @Test
    void missingProgramIsAFailedResult() throws Exception {
        StepResult result = run(Map.of("argv", List.of("no-such-program-runbook")), new TestContext(dir));

        assertFalse(result.isOk());
        assertTrue(result.message().contains("cannot start `no-such-program-runbook`"), result.message());
        assertTrue(result.message().contains("PATH"), result.message());
    }

    @Test
    void missingWorkingDirectoryIsAFailedResult() throws Exception {
        StepResult result = run(Map.of("argv", List.of("true"), "cwd", "nope"), new TestContext(dir));

        assertFalse(result.isOk());
        assertTrue(result.message().contains(dir.resolve("nope").toString()), result.message());
    }

    /**
     * A stand-in for a target on another host (none can run here): it records the command and answers exit 0. The
     * working directory is that host's, so the step does not look for it on the runner's disk.
     */
    @Test
    void onATargetOnAnotherHostTheWorkingDirectoryIsNotCheckedLocallyStandInTarget() throws Exception {
        List<dev.runbook.spi.Command> sent = new java.util.ArrayList<>();
        dev.runbook.spi.Target remote = new dev.runbook.spi.Target() {
            @Override
            public dev.runbook.spi.ProcessResult run(dev.runbook.spi.Command command) {
                sent.add(command);
                return new dev.runbook.spi.ProcessResult(0, "", "", false, Duration.ZERO);
            }

            @Override
            public String name() {
                return "web1";
            }

            @Override
            public boolean isLocal() {
                return false;
            }
        };
        TestContext local = new TestContext(dir);
        dev.runbook.spi.StepContext context = new dev.runbook.spi.StepContext() {
            public String stepId() {
                return local.stepId();
            }

            public java.nio.file.Path workDir() {
                return local.workDir();
            }

            public Map<String, String> env() {
                return local.env();
            }

            public dev.runbook.spi.Target target() {
                return remote;
            }

            public void log(String line) {
                local.log(line);
            }

            public java.time.Clock clock() {
                return local.clock();
            }

            public String redact(String text) {
                return text;
            }

            public boolean confirm(String question) {
                return true;
            }

            public boolean cancelled() {
                return false;
            }
        };

        StepResult result = exec.execute(
                StepArgs.of(exec, Map.of("argv", List.of("true"), "cwd", "/srv/nowhere-on-this-machine")), context);

        assertTrue(result.isOk(), result.message());
        assertEquals("/srv/nowhere-on-this-machine", sent.get(0).cwd().toString());
    }

    @Test
    void secretsAreMaskedInOutputsAndMessages() throws Exception {
        TestContext context = new TestContext(dir, System.getenv(), List.of("hunter2"));
        StepResult result =
                run(Map.of("argv", List.of("bash", "-c", "echo pw=hunter2; echo bad hunter2 >&2; exit 1")), context);

        assertEquals("pw=********\n", result.outputs().get("stdout"));
        assertFalse(result.message().contains("hunter2"), result.message());
        assertFalse(context.lines().toString().contains("hunter2"));
    }

    @Test
    void timeoutKillsTheWholeTreeEvenAChildIgnoringTerm() throws Exception {
        Path pids = dir.resolve("pids");
        String script = "trap '' TERM; sleep 30 & echo $! >> pids; echo $$ >> pids; wait";
        StepResult result = run(
                Map.of("argv", List.of("bash", "-c", script), "timeout", Duration.ofSeconds(1), "cwd", "."),
                new TestContext(dir));

        assertFalse(result.isOk());
        assertTrue(result.message().contains("timed out after 1s"), result.message());
        List<Long> recorded = new ArrayList<>();
        for (String line : Files.readAllLines(pids)) {
            recorded.add(Long.parseLong(line.strip()));
        }
        assertEquals(2, recorded.size(), "the script records its own pid and its child's");
        assertTrue(allGone(recorded, Duration.ofSeconds(10)), "still running: " + recorded);
    }

    @Test
    void describeNamesTheCommandAndShowsUnknowns() {
        String line = exec.describe(StepArgs.of(
                exec,
                Map.of(
                        "argv", List.of("git", "checkout", new Unknown("steps.pick.tag")),
                        "timeout", Duration.ofSeconds(30))));

        assertEquals("run `git checkout <steps.pick.tag>`, timeout 30s", line);
    }

    /** Polls until no recorded pid is a live (non-zombie) process. */
    static boolean allGone(List<Long> pids, Duration limit) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (pids.stream().noneMatch(ExecStepTest::running)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }
}
