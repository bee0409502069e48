package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runbooks/app-rollback.rb (and incident.rb, which calls it) through the real CLI against a real git repository,
 * a real pm2 and a real nginx in front of the app: every answer is checked through nginx.
 */
class AppRollbackEndToEndTest {
    @TempDir
    Path dir;

    OpsFixture world;

    @BeforeEach
    void startTheAppAtV2() throws Exception {
        world = OpsFixture.appBehindNginx(dir);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    private List<String> appParams(String target) {
        List<String> args = new ArrayList<>(List.of(
                "--param", "repo=" + world.repo,
                "--param", "target=" + target,
                "--param", "app=" + OpsFixture.APP,
                "--param", "app_url=" + world.url(""),
                "--param", "health_url=" + world.url("/health"),
                "--param", "status_url=" + world.url("/api/status"),
                "--param", "health_service=demo-health-check",
                "--param", "systemctl=" + world.systemctl,
                "--param", "pm2=" + world.pm2,
                "--param", "pm2_home=" + world.pm2Home));
        return args;
    }

    private void assertEveryAnswerIs(String version) throws InterruptedException {
        for (int i = 0; i < 6; i++) {
            String body = world.get("/api/status");
            assertTrue(body.contains("\"version\":\"" + version + "\""), "answer " + i + ": " + body);
        }
    }

    private List<String> statuses(int apps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < apps; i++) {
            out.add(OpsFixture.APP + ":online");
        }
        out.add(OpsFixture.WORKER + ":online");
        return out;
    }

    @Test
    void rollsBackToV1TagsTheOldHeadAndScalesBackUp() throws Exception {
        String before = world.git("rev-parse", "HEAD").strip();
        // an operator had scaled the app to 3: the rollback must give back the 3 it found, not a fixed number
        OpsFixture.run(
                java.util.Map.of("PM2_HOME", world.pm2Home.toString()), dir, world.pm2, "scale", OpsFixture.APP, "3");
        assertEquals(statuses(3), world.pm2Statuses());
        List<String> args = new ArrayList<>(
                List.of("run", OpsFixture.runbook("app-rollback.rb").toString(), "--yes"));
        args.addAll(appParams("v1"));

        OpsFixture.Cli run = OpsFixture.cli(args);

        assertEquals(0, run.exit(), run.all());
        assertEveryAnswerIs("1.0.0");
        assertEquals("200\n", world.get("/health"));
        String tags = world.git("tag", "-l", "rollback-*").strip();
        assertTrue(tags.matches("rollback-\\d{8}_\\d{6}"), "tags: " + tags);
        assertEquals(before, world.git("rev-list", "-n", "1", tags).strip(), "the tag marks the pre-rollback HEAD");
        assertEquals(
                world.git("rev-list", "-n", "1", "v1").strip(),
                world.git("rev-parse", "HEAD").strip());
        assertEquals(statuses(3), world.pm2Statuses(), "scaled back up to the 3 instances it found, all online");
        assertEquals("1.0.0 production", world.worker(), "the worker of the same ecosystem file runs v1 too");
        String calls = world.systemctlCalls();
        assertTrue(calls.indexOf("stop demo-health-check") < calls.lastIndexOf("start demo-health-check"), calls);
    }

    @Test
    void aFailingHealthCheckUndoesTheCheckoutAndBringsV2Back() throws Exception {
        List<String> args = new ArrayList<>(
                List.of("run", OpsFixture.runbook("app-rollback.rb").toString(), "--yes"));
        args.addAll(appParams("v1-broken"));
        args.addAll(List.of("--param", "health_attempts=3"));

        OpsFixture.Cli run = OpsFixture.cli(args);

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.all().contains("step health failed"), run.all());
        assertTrue(run.all().contains("undo checkout"), run.all());
        assertEveryAnswerIs("2.0.0");
        assertEquals("200\n", world.get("/health"));
        assertEquals("main", world.git("rev-parse", "--abbrev-ref", "HEAD").strip(), "back on the branch it left");
        assertEquals(statuses(2), world.pm2Statuses());
        assertEquals("2.0.0 production", world.worker(), "the worker runs the previous code again too");
        assertFalse(world.git("tag", "-l", "rollback-*").isBlank(), "the pre-rollback tag is kept");
        List<String> actions = world.systemctlCalls()
                .lines()
                .filter(l -> !l.startsWith("show"))
                .toList();
        assertEquals(
                List.of("stop demo-health-check", "start demo-health-check"),
                actions,
                "stopped, then started once, by finally");
        String out = run.out();
        assertTrue(
                out.indexOf("redeploy ") >= 0 && out.indexOf("redeploy ") < out.indexOf("resume_health"),
                "the health checks resume only after the previous code was reloaded:\n" + out);
    }

    @Test
    void aHighSeverityIncidentAlertsAndCallsTheRollback() throws Exception {
        // without a terminal and without an approval for the confirmation inside the called rollback: refused
        // before anything runs, so no alert and no user message went out
        Path alerts = dir.resolve("alerts.txt");
        List<String> refused = new ArrayList<>(List.of(
                "run",
                OpsFixture.runbook("incident.rb").toString(),
                "--param",
                "severity=high",
                "--param",
                "reason=login is broken",
                "--param",
                "alert_to=file:" + alerts,
                "--param",
                "users_to=file:" + alerts));
        refused.addAll(appParams("v1"));
        OpsFixture.Cli nobody = OpsFixture.cli(refused);
        assertEquals(5, nobody.exit(), nobody.all());
        assertTrue(nobody.all().contains("--approve rollback/checkout"), nobody.all());
        assertFalse(Files.exists(alerts), "no notification was sent");
        assertEveryAnswerIs("2.0.0");

        List<String> args = new ArrayList<>(List.of(
                "run",
                OpsFixture.runbook("incident.rb").toString(),
                "--approve",
                "rollback/checkout",
                "--param",
                "severity=high",
                "--param",
                "reason=login is broken",
                "--param",
                "impact=users cannot log in",
                "--param",
                "users_to=stdout",
                "--param",
                "update_every=3s"));
        args.addAll(appParams("v1"));

        OpsFixture.Cli run = OpsFixture.cli(args);

        assertEquals(0, run.exit(), run.all());
        // the rollback takes longer than 3s: status updates went out while it ran, naming the contacts
        assertTrue(run.out().contains("ROLLBACK STATUS UPDATE"), run.out());
        assertTrue(run.out().contains("(status update 1, "), run.out());
        assertTrue(run.out().contains("Contacts: Primary DevOps"), run.out());
        assertTrue(run.out().contains("Emergency Hotline"), run.out());
        assertTrue(run.out().indexOf("ROLLBACK STATUS UPDATE") < run.out().indexOf("ROLLBACK COMPLETE"), run.out());

        assertTrue(run.out().contains("ROLLBACK IN PROGRESS"), run.out());
        assertTrue(run.out().contains("Severity: HIGH"), run.out());
        assertTrue(run.out().contains("ETA: Rollback within 15 minutes"), run.out());
        assertTrue(run.out().contains("resolved within 15 minutes"), run.out());
        assertEveryAnswerIs("1.0.0");
    }

    @Test
    void aRollbackPastTheMatrixDeadlineIsStoppedUndoneAndEscalated() throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "run",
                OpsFixture.runbook("incident.rb").toString(),
                "--yes",
                "--param",
                "severity=high",
                "--param",
                "reason=login is broken",
                "--param",
                "deadline=4s"));
        args.addAll(appParams("v1"));

        OpsFixture.Cli run = OpsFixture.cli(args);

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.all().contains("step rollback failed: timed out after 4s"), run.all());
        assertTrue(run.out().contains("ROLLBACK FAILED"), run.out());
        assertTrue(run.out().contains("Escalate now: Primary DevOps"), run.out());
        assertFalse(run.all().contains("undo failed"), "the rollback undid itself cleanly:\n" + run.all());
        assertEquals(statuses(2), world.pm2Statuses(), "back to the instances it had, whenever the deadline hit");
        assertEquals("main", world.git("rev-parse", "--abbrev-ref", "HEAD").strip(), "the checkout was undone");
        assertEveryAnswerIs("2.0.0");
        assertEquals("200\n", world.get("/health"));
    }

    @Test
    void configRollbackRestoresTheEnvFileFromItsBackupAndRestartsTheApp() throws Exception {
        Path envFile = dir.resolve(".env.production");
        Files.writeString(envFile, "FEATURE=broken\n");
        Path backup = dir.resolve(".env.production.backup.20240101_120000");
        Files.writeString(backup, "FEATURE=ok\n");
        List<String> args = List.of(
                "run",
                OpsFixture.runbook("config-rollback.rb").toString(),
                "--yes",
                "--param",
                "config=env",
                "--param",
                "from=" + backup,
                "--param",
                "env_file=" + envFile,
                "--param",
                "app=" + OpsFixture.APP,
                "--param",
                "ecosystem=" + world.repo.resolve("ecosystem.config.js"),
                "--param",
                "pm2=" + world.pm2,
                "--param",
                "pm2_home=" + world.pm2Home,
                "--param",
                "app_url=" + world.url(""),
                "--param",
                "health_url=" + world.url("/health"));
        Files.delete(world.workerOut());

        OpsFixture.Cli run = OpsFixture.cli(args);

        assertEquals(0, run.exit(), run.all());
        assertEquals("FEATURE=ok\n", Files.readString(envFile));
        try (var files = Files.list(dir)) {
            assertTrue(
                    files.anyMatch(
                            p -> p.getFileName().toString().startsWith(".env.production.backup.") && !p.equals(backup)),
                    "the live file was backed up first");
        }
        assertTrue(run.all().contains("pm2 restart"), run.all());
        assertEquals(
                "2.0.0 production", world.worker(), "the worker of the ecosystem file was restarted on the env too");
        assertTrue(run.out().contains("✓ verify_system/rate_limit"), run.out());
        assertEquals(statuses(2), world.pm2Statuses());
        assertEveryAnswerIs("2.0.0");
    }
}
