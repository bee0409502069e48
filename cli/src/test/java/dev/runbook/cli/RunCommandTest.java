package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} end to end with real exec and file steps in a temp folder. Tests have no terminal
 * ({@code System.console()} is null), so a confirm can only be answered by --yes or --approve.
 */
class RunCommandTest {
    @TempDir
    Path dir;

    private String runbook(String name, String body) throws IOException {
        Path file = dir.resolve(name + ".rb");
        Files.writeString(file, "runbook \"" + name + "\" {\n  param dir: path\n" + body + "}\n");
        return file.toString();
    }

    private CliRun run(String file, String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "run";
        args[1] = file;
        args[2] = "--param=dir=" + dir;
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.of(args);
    }

    private boolean marker(String name) {
        return Files.exists(dir.resolve(name));
    }

    @Test
    void runsStepsInOrder() throws IOException {
        String file = runbook("tiny", """
                  step one = exec { argv: ["touch", "${dir}/one"] }
                  step two = exec { argv: ["sh", "-c", "test -f '${dir}/one' && touch '${dir}/two'"] }
                """);
        CliRun run = run(file);
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(marker("one") && marker("two"), run.toString());
        assertTrue(run.out().contains("OK: all 2 steps done"), run.toString());
    }

    private String gated() throws IOException {
        return runbook("gated", """
                  step one = exec { argv: ["touch", "${dir}/one"] }
                  step two = exec { argv: ["touch", "${dir}/two"] }
                    confirm "Touch two?"
                """);
    }

    @Test
    void confirmWithoutAnyoneToAnswerRefusesBeforeAnythingRuns() throws IOException {
        CliRun run = run(gated());
        assertEquals(ExitCodes.REFUSED, run.code(), run.toString());
        assertFalse(marker("one"), "a step ran although the run was refused:\n" + run);
        assertFalse(marker("two"), run.toString());
        assertTrue(run.all().contains("--approve two"), "the refusal should say how to approve:\n" + run);
    }

    @Test
    void approveLetsTheGatedStepRun() throws IOException {
        CliRun run = run(gated(), "--approve", "two");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(marker("one") && marker("two"), run.toString());
        assertTrue(run.out().contains("approved by --approve"), run.toString());
    }

    @Test
    void approvingAnotherStepIsNotEnough() throws IOException {
        CliRun run = run(gated(), "--approve", "one");
        assertEquals(ExitCodes.REFUSED, run.code(), run.toString());
        assertFalse(marker("one") || marker("two"), run.toString());
    }

    @Test
    void yesApprovesEveryGate() throws IOException {
        CliRun run = run(gated(), "--yes");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(marker("two"), run.toString());
    }

    @Test
    void unmetRunbookRequireChangesNothing() throws IOException {
        String file = runbook("guarded", """
                  require "the flag file exists": exists("${dir}/flag")
                  step one = exec { argv: ["touch", "${dir}/one"] }
                """);
        CliRun run = run(file);
        assertEquals(ExitCodes.PRECONDITION, run.code(), run.toString());
        assertFalse(marker("one"), run.toString());
        assertTrue(run.all().contains("the flag file exists"), run.toString());
        Files.writeString(dir.resolve("flag"), "");
        CliRun again = run(file);
        assertEquals(ExitCodes.OK, again.code(), again.toString());
        assertTrue(marker("one"), again.toString());
    }

    @Test
    void failingStepUndoesTheEarlierFileWrite() throws IOException {
        Path config = dir.resolve("app.env");
        Files.writeString(config, "VERSION=1\n");
        String file = runbook("failing", """
                  step write = file.write { path: "${dir}/app.env", content: "VERSION=2\\n" }
                  step boom = exec { argv: ["false"] }
                  step after = exec { argv: ["touch", "${dir}/after"] }
                """);
        CliRun run = run(file);
        assertEquals(ExitCodes.FAILED, run.code(), run.toString());
        assertEquals("VERSION=1\n", Files.readString(config), "the write was not undone:\n" + run);
        assertFalse(marker("after"), "a step after the failure ran:\n" + run);
        assertTrue(run.out().contains("boom failed"), run.toString());
    }

    @Test
    void invalidRunbookRunsNothing() throws IOException {
        String file = runbook("invalid", """
                  step one = exec { argv: ["touch", "${dir}/one"] }
                  step two = exec { argv: ["true"], bogus: 1 }
                """);
        CliRun run = run(file);
        assertEquals(ExitCodes.INVALID, run.code(), run.toString());
        assertFalse(marker("one"), run.toString());
        assertTrue(run.err().contains("error[RB0101]"), run.toString());
    }

    @Test
    void readStepsSayWhatTheyFoundUnlessQuiet() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        for (String[] argv : new String[][] {
            {"git", "init", "-q", "-b", "main"},
            {"git", "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "--allow-empty", "-m", "first"},
            {"git", "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "--allow-empty", "-m", "second"},
            {"git", "tag", "v1.0.0"}
        }) {
            assertEquals(
                    0, new ProcessBuilder(argv).directory(repo.toFile()).start().waitFor());
        }
        String file = runbook("look", """
                  step log = git.log { repo: dir + "/repo", n: 5 }
                  step tags = git.tags { repo: dir + "/repo" }
                """);

        CliRun shown = run(file);
        assertEquals(ExitCodes.OK, shown.code(), shown.toString());
        assertTrue(
                shown.out().matches("(?s).*= [0-9a-f]{7}  \\S+  second\n.*= [0-9a-f]{7}  \\S+  first\n.*"),
                shown.out());
        assertTrue(shown.out().contains("= tags, newest first: v1.0.0"), shown.out());

        CliRun quiet = run(file, "--quiet");
        assertEquals(ExitCodes.OK, quiet.code(), quiet.toString());
        assertFalse(quiet.out().contains("v1.0.0"), quiet.out());
    }
}
