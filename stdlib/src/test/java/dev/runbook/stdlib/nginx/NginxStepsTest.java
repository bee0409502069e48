package dev.runbook.stdlib.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.Args;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.stdlib.testing.OpsTools;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nginx step types against the real nginx, unprivileged in a temp prefix on a free loopback port. */
class NginxStepsTest {
    @TempDir
    Path prefix;

    String nginx;
    int port;
    Path conf;
    TestContext context;

    @BeforeEach
    void setUp() throws Exception {
        nginx = OpsTools.nginx();
        port = OpsTools.freePort();
        for (String d : List.of("conf", "run", "logs", "tmp")) {
            Files.createDirectories(prefix.resolve(d));
        }
        conf = prefix.resolve("conf/nginx.conf");
        Files.writeString(conf, config("rev-1"));
        context = new TestContext(prefix);
    }

    @AfterEach
    void stop() throws Exception {
        if (context == null) { // nginx was missing: setUp skipped the test before starting anything
            return;
        }
        new NginxStopStep().execute(args(new NginxStopStep(), Map.of()), context);
    }

    private String config(String marker) {
        return "pid run/nginx.pid;\nerror_log logs/error.log info;\nworker_processes 1;\ndaemon on;\n"
                + "events { worker_connections 64; }\n"
                + "http {\n  access_log logs/access.log;\n  client_body_temp_path tmp/body;\n  proxy_temp_path tmp/proxy;\n"
                + "  fastcgi_temp_path tmp/fastcgi;\n  uwsgi_temp_path tmp/uwsgi;\n  scgi_temp_path tmp/scgi;\n"
                + "  server {\n    listen 127.0.0.1:" + port + ";\n    location = /__rev { return 200 \"" + marker
                + "\"; }\n  }\n}\n";
    }

    private Args args(StepType step, Map<String, Object> given) {
        Map<String, Object> values = new HashMap<>(given);
        values.put("nginx", nginx);
        values.put("prefix", prefix.toString());
        values.put("conf", conf.toString());
        return OpsTools.args(step, values);
    }

    private StepResult run(StepType step, Map<String, Object> given) throws Exception {
        return step.execute(args(step, given), context);
    }

    private String served() throws InterruptedException {
        return OpsTools.get("http://127.0.0.1:" + port + "/__rev");
    }

    @Test
    void testReportsOkOrTheErrorWithFileAndLine() throws Exception {
        StepResult ok = run(new NginxTestStep(), Map.of());
        assertTrue(ok.isOk(), ok.message());
        assertEquals(true, ok.outputs().get("ok"));
        Files.writeString(
                conf, config("rev-1").replace("worker_processes 1;", "worker_processes 1;\nbogus_directive on;"));
        StepResult bad = run(new NginxTestStep(), Map.of());
        assertFalse(bad.isOk());
        assertEquals(false, bad.outputs().get("ok"));
        assertEquals(conf.toString(), bad.outputs().get("file"));
        assertEquals(4L, bad.outputs().get("line"));
        assertTrue(bad.outputs().get("message").toString().contains("unknown directive \"bogus_directive\""));
        assertTrue(run(new NginxTestStep(), Map.of("fail", false)).isOk());
    }

    @Test
    void startReloadAndStopProveEachChange() throws Exception {
        StepResult started = run(new NginxStartStep(), Map.of());
        assertTrue(started.isOk(), started.message());
        assertEquals("rev-1", served());
        assertEquals(false, run(new NginxStartStep(), Map.of()).outputs().get("started"));

        Files.writeString(conf, config("rev-2"));
        StepResult reloaded = run(new NginxReloadStep(), Map.of());
        assertTrue(reloaded.isOk(), reloaded.message());
        assertEquals(started.outputs().get("master_pid"), reloaded.outputs().get("master_pid"));
        assertNotEquals(
                reloaded.outputs().get("old_workers"), reloaded.outputs().get("new_workers"));
        assertEquals("rev-2", served());

        StepResult stopped = run(new NginxStopStep(), Map.of());
        assertTrue(stopped.isOk(), stopped.message());
        assertEquals(true, stopped.outputs().get("stopped"));
        assertEquals("", served());
    }

    @Test
    void aReloadTheRunningMasterRejectsIsReportedNotTrusted() throws Exception {
        assertTrue(run(new NginxStartStep(), Map.of()).isOk());
        // Valid for nginx -t (an address in use is ignored in test mode), but the master cannot bind it.
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Files.writeString(
                    conf,
                    config("rev-2")
                            .replace(
                                    "listen 127.0.0.1:" + port + ";",
                                    "listen 127.0.0.1:" + port + ";\n    listen 127.0.0.1:" + taken.getLocalPort()
                                            + ";"));
            assertTrue(run(new NginxTestStep(), Map.of()).isOk());
            StepResult r = run(new NginxReloadStep(), Map.of());
            assertFalse(r.isOk(), "a reload that failed in the master must fail the step");
            assertTrue(r.message().contains("rejected the new configuration"), r.message());
            assertTrue(r.message().contains("Address already in use"), r.message());
        }
        assertEquals("rev-1", served());
    }

    @Test
    void restoreOfABackupReloadsAndABrokenRestoreLeavesTheOldConfigServing() throws Exception {
        assertTrue(run(new NginxStartStep(), Map.of()).isOk());
        StepResult backup = new NginxConfigBackupStep()
                .execute(OpsTools.args(new NginxConfigBackupStep(), Map.of("path", conf.toString())), context);
        assertTrue(backup.isOk(), backup.message());
        Path saved = Path.of(backup.outputs().get("backup").toString());
        assertTrue(saved.getFileName().toString().matches("nginx\\.conf\\.backup\\.\\d{8}_\\d{6}"), saved.toString());

        Files.writeString(conf, config("rev-2"));
        assertTrue(run(new NginxReloadStep(), Map.of()).isOk());
        assertEquals("rev-2", served());

        NginxConfigRestoreStep restore = new NginxConfigRestoreStep();
        StepResult restored = run(restore, Map.of("from", saved.toString(), "to", conf.toString()));
        assertTrue(restored.isOk(), restored.message());
        assertEquals("rev-1", served());

        Path broken = prefix.resolve("conf/broken.conf");
        Files.writeString(broken, config("rev-3").replace("return 200", "retrun 200"));
        StepResult failed = run(restore, Map.of("from", broken.toString(), "to", conf.toString()));
        assertFalse(failed.isOk());
        assertTrue(failed.message().contains("fails nginx -t: [emerg] unknown directive \"retrun\""), failed.message());
        assertTrue(failed.message().contains("put the previous file back at " + conf), failed.message());
        assertEquals(config("rev-1"), Files.readString(conf));
        assertEquals("rev-1", served());

        StepResult undone = restore.undo(
                args(restore, Map.of("from", saved.toString(), "to", conf.toString())), restored.outputs(), context);
        assertTrue(undone.isOk(), undone.message());
        assertEquals("rev-2", served());
    }

    @Test
    void describeNamesEveryCommand() {
        NginxReloadStep reload = new NginxReloadStep();
        Args a = OpsTools.args(reload, Map.of("prefix", "/srv/nginx/", "conf", "/srv/nginx/conf/nginx.conf"));
        assertEquals(
                "nginx -p /srv/nginx/ -c /srv/nginx/conf/nginx.conf -t, then nginx -p /srv/nginx/ -c "
                        + "/srv/nginx/conf/nginx.conf -s reload, then wait up to 10s for new workers under the same master "
                        + "(fails on an [emerg]/[alert] in the error log)",
                reload.describe(a));
    }
}
