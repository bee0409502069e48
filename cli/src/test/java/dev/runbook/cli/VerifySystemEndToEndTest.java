package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runbooks/verify-system.rb through the real CLI against one sandbox for the class (pm2 is slow to start): the app
 * and its worker under a real pm2, behind a real nginx that rate-limits /api/auth/. Every checklist item passes with
 * its evidence on the console, and one broken item fails the run naming that item.
 */
class VerifySystemEndToEndTest {
    @TempDir
    static Path dir;

    static OpsFixture world;

    @BeforeAll
    static void startTheApp() throws Exception {
        world = OpsFixture.appBehindNginx(dir);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    private static List<String> verify(String since, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                OpsFixture.runbook("verify-system.rb").toString(),
                "--state-dir",
                dir.resolve("state").toString(),
                "--param",
                "app_url=" + world.url(""),
                "--param",
                "since=" + since,
                "--param",
                "window=2s",
                "--param",
                "pm2=" + world.pm2,
                "--param",
                "pm2_home=" + world.pm2Home));
        for (String p : more) {
            args.addAll(List.of("--param", p));
        }
        return args;
    }

    @Test
    void everyChecklistItemPassesWithItsEvidence() {
        OpsFixture.Cli run = OpsFixture.cli(verify(OffsetDateTime.now().toString()));

        assertEquals(0, run.exit(), run.all());
        String out = run.out();
        for (String evidence : List.of(
                "✓ health",
                "answered 200 in",
                "✓ processes",
                OpsFixture.APP + "#",
                OpsFixture.WORKER + "#",
                " online, ",
                "(0 in the window)",
                "✓ memory",
                "each under 512 MiB",
                "✓ log_errors",
                "0 error line(s) in",
                "✓ database",
                "db == connected",
                "✓ api",
                "✓ vector_search",
                "✓ latency",
                "within 500ms",
                "✓ rate_limit",
                "429=")) {
            assertTrue(out.contains(evidence), "no `" + evidence + "` in:\n" + out);
        }
    }

    @Test
    void aProcessOverTheMemoryLimitFailsTheMemoryItem() {
        OpsFixture.Cli run = OpsFixture.cli(verify(OffsetDateTime.now().toString(), "max_memory_mb=1"));

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.all().contains("step memory failed: " + OpsFixture.APP + "#"), run.all());
        assertTrue(run.all().contains("MiB, over max_memory_mb 1"), run.all());
    }

    @Test
    void anErrorSpikeInTheLogsSinceTheRollbackFailsTheLogItem() throws Exception {
        String since = OffsetDateTime.now().minusSeconds(1).toString();
        for (int i = 0; i < 3; i++) {
            world.get("/api/boom");
        }
        Thread.sleep(500);

        OpsFixture.Cli run = OpsFixture.cli(verify(since));

        assertEquals(1, run.exit(), run.all());
        assertTrue(
                run.all().contains("step log_errors failed: 3 error line(s) in the pm2 logs since " + since),
                run.all());
        assertTrue(run.all().contains("Error: boom in 2.0.0"), run.all());
        // the same errors are older than a later rollback: they do not count for it
        Thread.sleep(1100);
        OpsFixture.Cli later = OpsFixture.cli(verify(OffsetDateTime.now().toString()));
        assertEquals(0, later.exit(), later.all());
    }
}
