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
}
