package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defaults of {@code runbooks/db-restore.rb} name the application's files where the seed keeps them, never a
 * path beside the runbook, a missing ecosystem file stops the run before the app is stopped, and the quiet step
 * waits for other clients to leave, not for a connection count that a real server never shows.
 */
class DbRestoreDefaultsTest {
    static final String ECOSYSTEM = "/srv/cryptique/backend/ecosystem.config.js";

    @TempDir
    Path dir;

    @Test
    void theEcosystemFileIsTheApplicationsByDefault() {
        CliRun plan = CliRun.of("plan", OpsWorld.runbook("db-restore.rb").toString(), "--param", "backup=/b");
        assertEquals(ExitCodes.OK, plan.code(), plan.toString());
        assertTrue(plan.all().contains("ecosystem = " + ECOSYSTEM), plan.toString());
        assertTrue(plan.all().contains("pm2 stop " + ECOSYSTEM + " --only cryptique-backend"), plan.toString());
        assertTrue(plan.all().contains("exists(ecosystem)"), "the plan lists the precondition:\n" + plan);
    }

    @Test
    void theQuietStepWaitsForNoOtherClientNotForOneConnection() {
        // a real mongod counts the step's own pool and monitor connections in connections.current
        CliRun plan = CliRun.of("plan", OpsWorld.runbook("db-restore.rb").toString(), "--param", "backup=/b");
        assertEquals(ExitCodes.OK, plan.code(), plan.toString());
        assertTrue(plan.all().contains("verify it.others == 0 within 30s every 2s"), plan.toString());
        assertFalse(plan.all().contains("connections.current"), plan.toString());
    }

    @Test
    void aMissingEcosystemFileStopsTheRunBeforeTheAppIsStopped() throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of(ECOSYSTEM)), ECOSYSTEM + " exists on this machine");
        Path backup = Files.createDirectories(dir.resolve("mongo_20240101_030000/cryptique"))
                .getParent();
        CliRun run = CliRun.of(OpsWorld.runArgs(
                OpsWorld.runbook("db-restore.rb"),
                java.util.List.of(
                        "--state-dir",
                        dir.resolve("state").toString(),
                        "--param",
                        "backup=" + backup,
                        "--param",
                        "mongo_uri=mongodb://127.0.0.1:1/cryptique",
                        "--param",
                        "pm2=" + dir.resolve("no-pm2"))));
        assertEquals(ExitCodes.PRECONDITION, run.code(), run.toString());
        assertTrue(run.all().contains("the ecosystem file exists"), run.toString());
        assertFalse(run.all().contains("stop_app"), "nothing may run:\n" + run);
    }
}
