package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rolling {@code on} blocks over hosts of an inventory that are all this machine ({@code local: true}), each with a
 * folder of its own: the batches, the health gate, the undo of a failed batch and resume, without SSH. The same
 * engine over real SSH hosts is {@code SshRolloutTest}.
 */
class HostRolloutTest {
    static final String RUNBOOK = """
            runbook "roll" {
              param version: string "the version to roll out"
              on web as deploy rolling [1, 50%%] %s {
                step write = shell { script: "cp version version.before && echo " + version + " > version && echo " + version + " >> history", cwd: host.vars.root }
                  undo shell { script: "mv version.before version && echo undone >> history", cwd: host.vars.root }
                verify "healthy" file.exists { path: host.vars.root + "/healthy" } expect it.exists
              }
              step after = shell { script: "echo " + size(steps.deploy.hosts) + " > hosts_done", cwd: "." }
            }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void hosts() throws IOException {
        StringBuilder inv = new StringBuilder("hosts:\n");
        for (int i = 1; i <= 4; i++) {
            Path root = Files.createDirectories(dir.resolve("h" + i));
            Files.writeString(root.resolve("version"), "v1\n");
            Files.writeString(root.resolve("healthy"), "");
            inv.append("  h")
                    .append(i)
                    .append(":\n    local: true\n    groups: [web]\n    vars: { root: \"")
                    .append(root)
                    .append("\" }\n");
        }
        Files.writeString(dir.resolve("hosts.yaml"), inv.toString());
        write("");
    }

    private void write(String clauses) throws IOException {
        Files.writeString(dir.resolve("roll.rb"), RUNBOOK.formatted(clauses));
    }

    private Cli.Result run(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "run",
                dir.resolve("roll.rb").toString(),
                "--inventory",
                dir.resolve("hosts.yaml").toString(),
                "-p",
                "version=v2",
                "--state-dir",
                dir.resolve("state").toString(),
                "--no-color"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private String version(int host) throws IOException {
        return Files.readString(dir.resolve("h" + host).resolve("version")).strip();
    }

    private String history(int host) throws IOException {
        Path h = dir.resolve("h" + host).resolve("history");
        return Files.exists(h) ? Files.readString(h).strip().replace('\n', ' ') : "";
    }

    @Test
    void everyHostEndsOnTheNewVersionBatchByBatch() throws IOException {
        Cli.Result r = run();
        assertEquals(0, r.code(), r.all());
        for (int i = 1; i <= 4; i++) {
            assertEquals("v2", version(i), "h" + i + "\n" + r.all());
            assertEquals("v2", history(i), "each host ran its step once");
        }
        assertTrue(r.all().contains("batch 1 of 3: h1"), r.all());
        assertTrue(r.all().contains("batch 2 of 3: h2, h3"), r.all());
        assertTrue(r.all().contains("batch 3 of 3: h4"), r.all());
        assertTrue(r.all().contains("deploy/h3/write"), "hosts × steps are shown: " + r.all());
        assertEquals("4", Files.readString(dir.resolve("hosts_done")).strip(), "later steps read the block's outputs");
    }

    @Test
    void aHostThatFailsItsGateStopsTheRolloutAfterItsBatch() throws IOException {
        Files.delete(dir.resolve("h3").resolve("healthy"));
        Cli.Result r = run();
        assertEquals(ExitCodes.FAILED, r.code(), r.all());
        assertEquals("v2", version(1), "the earlier batch keeps its state");
        assertEquals("v1", version(2), "the failed batch's other host is undone");
        assertEquals("v1", version(3), "the failed host is undone");
        assertEquals("v1", version(4), "the later batch is never touched");
        assertEquals("v2 undone", history(2));
        assertEquals("v2 undone", history(3));
        assertEquals("", history(4));
        assertTrue(r.all().contains("rollout stopped after batch 2 of 3"), r.all());
        assertTrue(r.all().contains("never started: h4"), r.all());
        assertFalse(Files.exists(dir.resolve("hosts_done")), "the step after the block never ran");
    }

    @Test
    void undoAllTakesEarlierBatchesBackToo() throws IOException {
        write("undo_all");
        Files.delete(dir.resolve("h3").resolve("healthy"));
        Cli.Result r = run();
        assertEquals(ExitCodes.FAILED, r.code(), r.all());
        for (int i = 1; i <= 4; i++) {
            assertEquals("v1", version(i), "h" + i + "\n" + r.all());
        }
        assertEquals("v2 undone", history(1));
    }

    @Test
    void aFailureBudgetLetsTheRolloutGoOnPastOneBadHost() throws IOException {
        write("max_failures 1");
        Files.delete(dir.resolve("h3").resolve("healthy"));
        Cli.Result r = run();
        assertEquals(0, r.code(), r.all());
        assertEquals(List.of("v2", "v2", "v1", "v2"), List.of(version(1), version(2), version(3), version(4)));
        assertEquals("3", Files.readString(dir.resolve("hosts_done")).strip(), "three hosts done");
    }

    @Test
    void aLaterStepThatFailsUndoesEveryHostOfTheBlock() throws IOException {
        Files.writeString(
                dir.resolve("roll.rb"),
                RUNBOOK.formatted("")
                        .replace(
                                "step after = shell { script: \"echo \"",
                                "step after = shell { script: \"exit 3; echo \""));
        Cli.Result r = run();
        assertEquals(ExitCodes.FAILED, r.code(), r.all());
        for (int i = 1; i <= 4; i++) {
            assertEquals("v1", version(i), "h" + i + "\n" + r.all());
        }
    }

    @Test
    void thePlanShowsTheBatchesAndEachHostsStepsAndItsHashCoversTheInventory() throws IOException {
        Cli.Result plan = planJson();
        assertEquals(0, plan.code(), plan.all());
        assertTrue(plan.out().contains("deploy/h4/write"), plan.out());
        assertTrue(plan.out().contains("\"h2\""), plan.out());
        String hash = hash(plan.out());
        Files.writeString(
                dir.resolve("hosts.yaml"),
                Files.readString(dir.resolve("hosts.yaml")).replace("h4:", "h5:"));
        Cli.Result other = planJson();
        assertEquals(0, other.code(), other.all());
        assertNotEquals(hash, hash(other.out()), "a renamed host changes the plan");
    }

    @Test
    void aTargetNoHostIsInIsRefusedBeforeAnythingRuns() throws IOException {
        Files.writeString(
                dir.resolve("hosts.yaml"),
                Files.readString(dir.resolve("hosts.yaml")).replace("[web]", "[db]"));
        Cli.Result r = run();
        assertEquals(ExitCodes.INVALID, r.code(), r.all());
        assertTrue(r.err().contains("roll.rb:3:"), r.err());
        assertTrue(r.err().contains("no host of the inventory is in `web`"), r.err());
        assertEquals("v1", version(1));
    }

    private Cli.Result planJson() {
        return Cli.run(
                "plan",
                dir.resolve("roll.rb").toString(),
                "--inventory",
                dir.resolve("hosts.yaml").toString(),
                "-p",
                "version=v2",
                "--format",
                "json");
    }

    private static String hash(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"hash\"\\s*:\\s*\"([0-9a-f]+)\"")
                .matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    @Test
    void theShippedMultiHostRollbackPlansOverTheExampleInventory() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Cli.Result plan = Cli.run(
                "plan",
                root.resolve("runbooks/app-rollback-hosts.rb").toString(),
                "--inventory",
                root.resolve("inventories/example.yaml").toString(),
                "-p",
                "target=v1.0.0");
        assertEquals(0, plan.code(), plan.all());
        assertTrue(plan.out().contains("4 hosts in 3 batches [app1 (deploy@10.0.1.11)], [app2"), plan.out());
        assertTrue(plan.out().contains("rollout/app4/checkout"), plan.out());
        assertTrue(plan.out().contains("lock app-rollback-hosts on app1,app2,app3,app4"), plan.out());
        Cli.Result without =
                Cli.run("plan", root.resolve("runbooks/app-rollback-hosts.rb").toString(), "-p", "target=v1");
        assertEquals(ExitCodes.INVALID, without.code(), without.all());
        assertTrue(without.err().contains("no inventory was given"), without.err());
    }

    @Test
    void diffShowsWhatAnInventoryChangeDoesToThePlan() throws IOException {
        Path before = dir.resolve("before.yaml");
        Files.copy(dir.resolve("hosts.yaml"), before);
        Files.writeString(
                dir.resolve("hosts.yaml"),
                Files.readString(dir.resolve("hosts.yaml")).replace("h4:", "h5:"));
        String rb = dir.resolve("roll.rb").toString();
        Cli.Result diff = Cli.run(
                "diff",
                rb,
                rb,
                "--inventory",
                dir.resolve("hosts.yaml").toString(),
                "--before-inventory",
                before.toString(),
                "-p",
                "version=v2",
                "--exit-code");
        assertEquals(1, diff.code(), diff.all());
        assertTrue(diff.out().contains("step `deploy`: argument `hosts`"), diff.out());
        assertTrue(diff.out().contains("\"h4 (local)\"] -> ["), diff.out());
        assertTrue(diff.out().contains("\"h5 (local)\"]"), diff.out());
        Cli.Result same = Cli.run("diff", rb, rb, "--inventory", before.toString(), "-p", "version=v2", "--exit-code");
        assertEquals(0, same.code(), same.all());
    }

    @Test
    void hostVarsReplaceParamsTypedAndSecretsStayMasked() throws IOException {
        Files.writeString(dir.resolve("vars.rb"), """
                runbook "vars" {
                  param workers: int = 1 "workers per host"
                  param token: secret = "none" "a token per host"
                  on web {
                    step show = shell { script: "echo " + string(workers * 2) + " > workers && printf %s \\"$T\\" > token", cwd: host.vars.root, env: { T: token } }
                  }
                }
                """);
        String inv = Files.readString(dir.resolve("hosts.yaml"));
        Files.writeString(
                dir.resolve("typed.yaml"),
                inv.replaceFirst("vars: \\{ root:", "vars: { workers: 3, token: tok-h1-secret, root:"));
        Cli.Result plan = Cli.run(
                "plan",
                dir.resolve("vars.rb").toString(),
                "--inventory",
                dir.resolve("typed.yaml").toString());
        assertEquals(0, plan.code(), plan.all());
        assertFalse(plan.all().contains("tok-h1-secret"), plan.all());
        Cli.Result r = Cli.run(
                "run",
                dir.resolve("vars.rb").toString(),
                "--inventory",
                dir.resolve("typed.yaml").toString(),
                "--state-dir",
                dir.resolve("state").toString());
        assertEquals(0, r.code(), r.all());
        assertEquals("6", Files.readString(dir.resolve("h1").resolve("workers")).strip(), "h1's workers: 3");
        assertEquals("2", Files.readString(dir.resolve("h2").resolve("workers")).strip(), "h2 keeps the param's 1");
        assertEquals("tok-h1-secret", Files.readString(dir.resolve("h1").resolve("token")));
        assertFalse(r.all().contains("tok-h1-secret"), r.all());

        Files.writeString(dir.resolve("bad.yaml"), inv.replaceFirst("vars: \\{ root:", "vars: { workers: many, root:"));
        Cli.Result bad = Cli.run(
                "plan",
                dir.resolve("vars.rb").toString(),
                "--inventory",
                dir.resolve("bad.yaml").toString());
        assertEquals(ExitCodes.INVALID, bad.code(), bad.all());
        assertTrue(bad.err().contains("bad.yaml:2:"), bad.err());
        assertTrue(bad.err().contains("var workers replaces param workers"), bad.err());
    }
}
