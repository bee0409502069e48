package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --plan runs only the plan that was reviewed; anything that changed since is named and nothing runs. */
class SavedPlanTest {
    private static final String RUNBOOK = """
            runbook "saved" {
              param dir: path "where"
              param count: int = 1 "how many"
              param password: secret "a secret"
              step mark = shell { script: "echo ${count} >> marks", cwd: dir }
            }
            """;

    @Test
    void matchingPlanRunsAndHoldsNoSecret(@TempDir Path dir) throws Exception {
        Path rb = dir.resolve("saved.rb");
        Files.writeString(rb, RUNBOOK);
        Path plan = dir.resolve("plan.json");
        Cli.Result saved = Cli.run(
                "plan", rb.toString(), "-p", "dir=" + dir, "-p", "password=hunter2!x", "--out", plan.toString());
        assertEquals(ExitCodes.OK, saved.code(), saved.all());
        assertFalse(Files.readString(plan).contains("hunter2!x"));
        assertTrue(Files.readString(plan).contains("\"password\": \"********\""), Files.readString(plan));

        Cli.Result run = Cli.run("run", "--plan", plan.toString(), "-p", "dir=" + dir, "-p", "password=other!pw");
        assertEquals(ExitCodes.OK, run.code(), run.all());
        assertEquals("1\n", Files.readString(dir.resolve("marks")));
    }

    @Test
    void stalePlanIsRefusedNamingWhatChanged(@TempDir Path dir) throws Exception {
        Path rb = dir.resolve("saved.rb");
        Files.writeString(rb, RUNBOOK);
        Path plan = dir.resolve("plan.json");
        assertEquals(
                ExitCodes.OK,
                Cli.run("plan", rb.toString(), "-p", "dir=" + dir, "-p", "password=pw1", "--out", plan.toString())
                        .code());

        Cli.Result params = Cli.run(
                "run",
                rb.toString(),
                "--plan",
                plan.toString(),
                "-p",
                "dir=" + dir,
                "-p",
                "password=pw1",
                "-p",
                "count=2");
        assertEquals(ExitCodes.INVALID, params.code(), params.all());
        assertTrue(params.err().contains("param count: 1 -> 2"), params.err());
        assertTrue(params.err().contains("step mark: arg script"), params.err());

        Files.writeString(rb, RUNBOOK.replace("echo ${count}", "echo changed ${count}"));
        Cli.Result source =
                Cli.run("run", rb.toString(), "--plan", plan.toString(), "-p", "dir=" + dir, "-p", "password=pw1");
        assertEquals(ExitCodes.INVALID, source.code(), source.all());
        assertTrue(source.err().contains("runbook source changed"), source.err());
        assertTrue(
                source.err().contains("step mark: arg script: \"echo 1 >> marks\" -> \"echo changed 1 >> marks\""),
                source.err());
        assertFalse(Files.exists(dir.resolve("marks")), "nothing ran");
    }

    private static final String PARENT = """
            runbook "parent" {
              step first = shell { script: "echo first >> marks", cwd: "%1$s" }
              step child = call "child.rb" { word: "from-parent" }
              step last = shell { script: "echo last >> marks", cwd: "%1$s" }
            }
            """;

    private static final String CHILD = """
            runbook "child" {
              param word: string "what to write"
              step write = shell { script: "echo ${word} >> marks", cwd: "%1$s" }
                confirm "Write ${word}?"
            }
            """;

    @Test
    void aSavedPlanCoversCalledRunbooks(@TempDir Path dir) throws Exception {
        Path parent = dir.resolve("parent.rb");
        Files.writeString(parent, PARENT.formatted(dir));
        Files.writeString(dir.resolve("child.rb"), CHILD.formatted(dir));
        Path plan = dir.resolve("plan.json");
        Cli.Result saved = Cli.run("plan", parent.toString(), "--out", plan.toString());
        assertEquals(ExitCodes.OK, saved.code(), saved.all());
        assertTrue(saved.out().contains("child/write"), saved.out());

        // unchanged: the saved plan runs, called steps included, in the plan's order; a bare id approves child/write
        Cli.Result run = Cli.run("run", "--plan", plan.toString(), "--approve", "write");
        assertEquals(ExitCodes.OK, run.code(), run.all());
        assertEquals("first\nfrom-parent\nlast\n", Files.readString(dir.resolve("marks")));

        // a comment in the called file is enough: the reviewed plan no longer covers what would run
        Files.writeString(dir.resolve("child.rb"), "# edited after review\n" + CHILD.formatted(dir));
        Cli.Result stale = Cli.run("run", "--plan", plan.toString(), "--approve", "child/write");
        assertEquals(ExitCodes.INVALID, stale.code(), stale.all());
        assertTrue(stale.err().contains("file child.rb changed"), stale.err());
        assertEquals("first\nfrom-parent\nlast\n", Files.readString(dir.resolve("marks")), "nothing ran");
    }

    @Test
    void aConfirmationInACalledRunbookIsKnownBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path parent = dir.resolve("parent.rb");
        Files.writeString(parent, PARENT.formatted(dir));
        Files.writeString(dir.resolve("child.rb"), CHILD.formatted(dir));
        Cli.Result run = Cli.run("run", parent.toString());
        assertEquals(ExitCodes.REFUSED, run.code(), run.all());
        assertTrue(run.all().contains("--approve child/write"), run.all());
        assertFalse(Files.exists(dir.resolve("marks")), "nothing ran, not even the steps before the call");
    }

    @Test
    void aCallThatTheParamsRuleOutAsksNothingAndShowsAsSkipped(@TempDir Path dir) throws Exception {
        Path parent = dir.resolve("parent.rb");
        Files.writeString(parent, """
                runbook "parent" {
                  param mode: enum("fix", "rollback") = "fix"
                  step first = shell { script: "echo first >> marks", cwd: "%1$s" }
                  step child = call "child.rb" { word: "from-parent" }
                    when mode == "rollback"
                }
                """.formatted(dir));
        Files.writeString(dir.resolve("child.rb"), CHILD.formatted(dir));

        Cli.Result plan = Cli.run("plan", parent.toString());
        assertEquals(ExitCodes.OK, plan.code(), plan.all());
        assertTrue(plan.out().contains("skipped: when mode == \"rollback\" is false"), plan.out());
        assertFalse(plan.out().contains("child/write"), "a skipped call's steps are not in the plan:\n" + plan.out());

        // no terminal, no approval: the confirmation inside the call can never be reached, so nothing is refused
        Cli.Result run = Cli.run("run", parent.toString());
        assertEquals(ExitCodes.OK, run.code(), run.all());
        assertEquals("first\n", Files.readString(dir.resolve("marks")));

        Cli.Result rollback = Cli.run("run", parent.toString(), "-p", "mode=rollback");
        assertEquals(ExitCodes.REFUSED, rollback.code(), rollback.all());
        assertTrue(rollback.all().contains("--approve child/write"), rollback.all());
    }
}
