package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runbooks/full-recovery.rb through the real CLI against a real pm2 app behind a real nginx: a recovery from a full
 * backup brings the backup's code and nginx config up and proves the checklist, and can be run again; a restore
 * script that does half its work and then fails leaves the application directory exactly as it was, nginx and the
 * app up, and nothing behind that would refuse the next attempt.
 */
class FullRecoveryEndToEndTest {
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

    /** Every file below {@code root} by its relative path, with the SHA-256 of its bytes. */
    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    private List<String> recover(Path backup, Path script) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                OpsFixture.runbook("full-recovery.rb").toString(),
                "--yes",
                "--param",
                "backup=" + backup,
                "--param",
                "app_dir=" + world.repo,
                "--param",
                "restore_script=" + script,
                "--param",
                "pm2=" + world.pm2,
                "--param",
                "pm2_home=" + world.pm2Home,
                "--param",
                "health_url=" + world.url("/health"),
                "--param",
                "site_url=" + world.url("/health"),
                "--param",
                "app_url=" + world.url("")));
        args.addAll(world.nginxParams());
        return args;
    }

    private List<String> snapshots() throws Exception {
        try (Stream<Path> siblings = Files.list(world.repo.getParent())) {
            return siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("repo.before-"))
                    .toList();
        }
    }

    @Test
    void aRecoveryBringsTheBackupUpProvesTheChecklistAndCanRunAgain() throws Exception {
        Path backup = Files.createDirectories(dir.resolve("backups/full_backup_20240102"));
        OpsFixture.run(
                Map.of(),
                dir,
                "sh",
                "-c",
                "git -C \"$1\" archive v1 | tar -x -C \"$2\"",
                "sh",
                world.repo.toString(),
                backup.toString());
        Files.createDirectories(backup.resolve("nginx"));
        Files.writeString(
                backup.resolve("nginx").resolve(world.site.getFileName()),
                OpsFixture.siteConfig(world.nginxPort, world.appPort, "rev-2"));
        Path script = dir.resolve("full-restore.sh");
        Files.writeString(
                script,
                "#!/bin/sh\nset -e\nfor f in \"$1\"/* \"$1\"/.[!.]*; do\n"
                        + "  if [ -e \"$f\" ] && [ \"$(basename \"$f\")\" != nginx ]; then cp -a \"$f\" .; fi\n"
                        + "done\n");
        assertTrue(script.toFile().setExecutable(true));

        OpsFixture.Cli run = OpsFixture.cli(recover(backup, script));

        assertEquals(0, run.exit(), run.all());
        assertTrue(world.get("/api/status").contains("\"version\":\"1.0.0\""), world.get("/api/status"));
        assertEquals("1.0.0 production", world.worker(), "the worker runs the backup's code");
        assertEquals("rev-2\n", world.get("/__rev"), "nginx runs the backup's site config");
        assertTrue(run.out().contains("✓ checklist/rate_limit"), run.out());
        assertEquals(1, snapshots().size(), "the tree from before is kept: " + snapshots());

        OpsFixture.Cli again = OpsFixture.cli(recover(backup, script));

        assertEquals(0, again.exit(), "a second recovery is not refused by the first one's snapshot:\n" + again.all());
        assertEquals(2, snapshots().size(), snapshots().toString());
    }

    @Test
    void aRestoreScriptThatFailsHalfWayLeavesTheApplicationAsItWas() throws Exception {
        Path backup = Files.createDirectories(dir.resolve("backups/full_backup_20240101"));
        Files.writeString(backup.resolve("server.js"), "// the backup's code\n");
        Path script = dir.resolve("full-restore.sh");
        // half the work: one file replaced, one removed, then a failure
        Files.writeString(script, "#!/bin/sh\ncp \"$1/server.js\" ./server.js\nrm -f ecosystem.config.js\nexit 3\n");
        assertTrue(script.toFile().setExecutable(true));
        Map<String, String> before = tree(world.repo);
        String site = Files.readString(world.site);

        OpsFixture.Cli run = OpsFixture.cli(recover(backup, script));

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.all().contains("step restore failed"), run.all());
        assertTrue(run.all().contains("undo restore"), "the failed restore itself is undone:\n" + run.all());
        assertEquals(before, tree(world.repo), "the application directory is exactly as it was");
        assertEquals(List.of(), snapshots(), "no snapshot is left beside the application");
        assertEquals(site, Files.readString(world.site));
        assertEquals("rev-1\n", world.get("/__rev"), "nginx is up again");
        assertEquals("200\n", world.get("/health"), "the app answers through nginx again");
        assertTrue(
                run.out().indexOf("undo restore") < run.out().indexOf("start_apps_again"),
                "the apps start only after the snapshot is back:\n" + run.out());
    }
}
