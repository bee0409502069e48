package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runbooks/config-rollback.rb, nginx part, through the real CLI against a real unprivileged nginx. */
class ConfigRollbackEndToEndTest {
    @TempDir
    Path dir;

    OpsFixture world;

    @BeforeEach
    void startNginx() throws Exception {
        world = OpsFixture.nginxOnly(dir);
    }

    @AfterEach
    void stopNginx() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    private OpsFixture.Cli restore(Path from) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                OpsFixture.runbook("config-rollback.rb").toString(),
                "--yes",
                "--param",
                "config=nginx",
                "--param",
                "from=" + from,
                "--param",
                "checklist=false")); // no app behind this nginx to prove the checklist on
        args.addAll(world.nginxParams());
        return OpsFixture.cli(args);
    }

    private long backupsOfTheSite() throws Exception {
        try (Stream<Path> files = Files.list(world.site.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith("app.conf.backup."))
                    .count();
        }
    }

    @Test
    void aBrokenBackupIsRefusedTheOldConfigStaysOnDiskAndIsStillServed() throws Exception {
        String live = Files.readString(world.site);
        Path broken = dir.resolve("app.conf.backup.20240101_120000");
        Files.writeString(
                broken,
                OpsFixture.siteConfig(world.nginxPort, world.appPort, "rev-2")
                        .replace("location = /__rev", "bogus_directive on;\n  location = /__rev"));

        OpsFixture.Cli run = restore(broken);

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.all().contains("unknown directive \"bogus_directive\""), run.all());
        assertEquals(live, Files.readString(world.site), "the previous config is back on disk");
        assertEquals("rev-1\n", world.get("/__rev"), "nginx still serves the old configuration");
        assertEquals(1, backupsOfTheSite(), "the backup taken before the restore is kept");
    }

    @Test
    void aGoodBackupIsTestedReloadedAndServed() throws Exception {
        Path good = dir.resolve("app.conf.backup.20240101_120000");
        Files.writeString(good, OpsFixture.siteConfig(world.nginxPort, world.appPort, "rev-0"));

        OpsFixture.Cli run = restore(good);

        assertEquals(0, run.exit(), run.all());
        assertEquals(Files.readString(good), Files.readString(world.site));
        assertEquals("rev-0\n", world.get("/__rev"));
        assertEquals(1, backupsOfTheSite());
    }
}
