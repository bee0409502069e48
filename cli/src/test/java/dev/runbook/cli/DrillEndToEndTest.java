package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runbooks/rollback-drill.rb through the real CLI against a real git repository and a real pm2 app behind nginx:
 * the drill passes and leaves main where it was, and a failure after the drill commit (the report's webhook is
 * down) undoes the drill without ever moving main.
 */
class DrillEndToEndTest {
    @TempDir
    Path dir;

    OpsFixture world;

    @BeforeEach
    void startTheApp() throws Exception {
        world = OpsFixture.appBehindNginx(dir);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    private List<String> drill(String notes) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                OpsFixture.runbook("rollback-drill.rb").toString(),
                "--yes",
                "--param",
                "repo=" + world.repo,
                "--param",
                "app=" + OpsFixture.APP,
                "--param",
                "app_url=" + world.url(""),
                "--param",
                "health_url=" + world.url("/health"),
                "--param",
                "pm2=" + world.pm2,
                "--param",
                "pm2_home=" + world.pm2Home,
                "--param",
                "notes=" + notes));
        return args;
    }

    @Test
    void aPassingDrillLeavesMainWhereItWasAndDeletesItsBranch() throws Exception {
        String main = world.git("rev-parse", "main").strip();

        OpsFixture.Cli run = OpsFixture.cli(drill("file:" + dir.resolve("drill.txt")));

        assertEquals(0, run.exit(), run.all());
        assertEquals(main, world.git("rev-parse", "main").strip());
        assertEquals("main", world.git("rev-parse", "--abbrev-ref", "HEAD").strip());
        assertEquals("", world.git("branch", "--list", "rollback-test-*").strip());
        assertEquals("", world.git("status", "--porcelain").strip());
        assertTrue(
                run.out().contains("✓ checklist/rate_limit"), "the rollback is proven by the checklist:\n" + run.out());
        assertEquals("2.0.0 production", world.worker(), "the worker of the ecosystem file runs main's code again");
    }

    @Test
    void aFailureAfterTheDrillCommitLeavesMainExactlyWhereItWas() throws Exception {
        String main = world.git("rev-parse", "main").strip();
        String log = world.git("log", "--format=%H", "main").strip();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens here once the socket is closed
        }

        OpsFixture.Cli run = OpsFixture.cli(drill("http://127.0.0.1:" + closed + "/hooks/drill"));

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.all().contains("step report failed"), run.all());
        assertEquals(main, world.git("rev-parse", "main").strip(), "main was not moved");
        assertEquals(log, world.git("log", "--format=%H", "main").strip(), "no commit of main was removed");
        assertEquals("main", world.git("rev-parse", "--abbrev-ref", "HEAD").strip(), "back on main");
        assertEquals("", world.git("status", "--porcelain").strip(), "a clean tree");
        assertEquals("", world.git("branch", "--list", "rollback-test-*").strip(), "the drill branch is gone");
        assertEquals("200\n", world.get("/health"));
    }
}
