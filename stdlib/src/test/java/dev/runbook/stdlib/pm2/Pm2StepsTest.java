package dev.runbook.stdlib.pm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.stdlib.testing.OpsTools;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pm2 step types against the real pm2, with a daemon of their own (PM2_HOME in a temp dir) for this class. */
class Pm2StepsTest {
    static final String SECRET = "s3cret-token-value";

    @TempDir
    static Path dir;

    static String pm2;
    static Path home;
    static TestContext context;

    @BeforeAll
    static void startDaemon() throws Exception {
        pm2 = OpsTools.pm2();
        home = dir.resolve("pm2-home");
        Files.createDirectories(home);
        context = new TestContext(dir, System.getenv(), List.of(SECRET));
    }

    @AfterAll
    static void killDaemon() throws Exception {
        if (pm2 != null) {
            OpsTools.run(Map.of("PM2_HOME", home.toString()), pm2, "kill");
        }
    }

    private static StepResult run(StepType step, Map<String, Object> given) throws Exception {
        return step.execute(args(step, given), context);
    }

    private static dev.runbook.spi.Args args(StepType step, Map<String, Object> given) {
        Map<String, Object> values = new HashMap<>(given);
        values.put("pm2", pm2);
        values.put("pm2_home", home.toString());
        return OpsTools.args(step, values);
    }

    private static Path server(String name, int port) throws Exception {
        Path script = dir.resolve(name + ".js");
        Files.writeString(
                script,
                "console.log('" + name + " listening on " + port + " token ' + "
                        + "(process.env.SECRET_TOKEN || 'none'));\n"
                        + "require('http').createServer((q, s) => s.end('" + name + " ' + process.pid + ' '"
                        + " + (process.env.MARKER || '-'))).listen(" + port + ", '127.0.0.1');\n");
        return script;
    }

    @Test
    void startDescribeLogsRestartStopAndDeleteAnHttpApp() throws Exception {
        int port = OpsTools.freePort();
        Path script = server("web", port);
        StepResult started = run(new Pm2StartStep(), Map.of("script", script.toString(), "name", "web"));
        assertTrue(started.isOk(), started.message());
        assertEquals(List.of("web"), started.outputs().get("created"));
        long pid = (Long) ((List<?>) started.outputs().get("pids")).get(0);
        assertTrue(OpsTools.get("http://127.0.0.1:" + port + "/").startsWith("web " + pid));

        StepResult described = run(new Pm2DescribeStep(), Map.of("name", "web"));
        assertEquals("online", described.outputs().get("status"));
        assertEquals(pid, described.outputs().get("pid"));
        assertEquals(1L, described.outputs().get("instances"));

        StepResult logs = run(new Pm2LogsStep(), Map.of("name", "web", "lines", 10L));
        assertTrue(
                logs.outputs().get("lines").toString().contains("web listening on " + port),
                logs.outputs().toString());

        StepResult restarted = run(new Pm2CycleStep("restart"), Map.of("name", "web"));
        assertTrue(restarted.isOk(), restarted.message());
        long newPid = (Long) ((List<?>) restarted.outputs().get("pids")).get(0);
        assertNotEquals(pid, newPid);
        assertTrue(OpsTools.get("http://127.0.0.1:" + port + "/").startsWith("web " + newPid));

        Pm2StopStep stop = new Pm2StopStep();
        StepResult stopped = stop.execute(args(stop, Map.of("name", "web")), context);
        assertTrue(stopped.isOk(), stopped.message());
        assertEquals("", OpsTools.get("http://127.0.0.1:" + port + "/"));
        assertEquals(
                "stopped",
                run(new Pm2DescribeStep(), Map.of("name", "web")).outputs().get("status"));
        StepResult undone = stop.undo(args(stop, Map.of("name", "web")), stopped.outputs(), context);
        assertTrue(undone.isOk(), undone.message());
        assertTrue(OpsTools.get("http://127.0.0.1:" + port + "/").startsWith("web "));

        assertTrue(run(new Pm2DeleteStep(), Map.of("name", "web")).isOk());
        StepResult gone = run(new Pm2DescribeStep(), Map.of("name", "web"));
        assertFalse(gone.isOk());
        assertTrue(gone.message().startsWith("pm2 has no app named web"), gone.message());
    }

    @Test
    void stopAllAddressesEveryAppAndItsUndoStartsThemAgain() throws Exception {
        int portA = OpsTools.freePort();
        int portB = OpsTools.freePort();
        assertTrue(run(new Pm2StartStep(), Map.of("script", server("one", portA).toString(), "name", "one"))
                .isOk());
        assertTrue(run(new Pm2StartStep(), Map.of("script", server("two", portB).toString(), "name", "two"))
                .isOk());
        Pm2StopStep stop = new Pm2StopStep();
        assertTrue(stop.describe(args(stop, Map.of("name", "all"))).contains("every app pm2 runs"));
        StepResult stopped = stop.execute(args(stop, Map.of("name", "all")), context);
        assertTrue(stopped.isOk(), stopped.message());
        assertEquals(List.of("one", "two"), stopped.outputs().get("names"));
        assertEquals(
                "stopped",
                run(new Pm2DescribeStep(), Map.of("name", "one")).outputs().get("status"));
        assertEquals(
                "stopped",
                run(new Pm2DescribeStep(), Map.of("name", "two")).outputs().get("status"));
        StepResult undone = stop.undo(args(stop, Map.of("name", "all")), stopped.outputs(), context);
        assertTrue(undone.isOk(), undone.message());
        assertTrue(OpsTools.get("http://127.0.0.1:" + portA + "/").startsWith("one "));
        assertTrue(OpsTools.get("http://127.0.0.1:" + portB + "/").startsWith("two "));
        run(new Pm2DeleteStep(), Map.of("name", "one"));
        run(new Pm2DeleteStep(), Map.of("name", "two"));
    }

    @Test
    void scaleChangesTheCountTreatsEqualAsANoOpAndUndoScalesBack() throws Exception {
        int port = OpsTools.freePort();
        Path script = server("api", port);
        assertTrue(run(new Pm2StartStep(), Map.of("script", script.toString(), "name", "api", "instances", 1L))
                .isOk());
        Pm2ScaleStep scale = new Pm2ScaleStep();
        StepResult up = scale.execute(args(scale, Map.of("name", "api", "instances", 2L)), context);
        assertTrue(up.isOk(), up.message());
        assertEquals(1L, up.outputs().get("previous"));
        assertEquals(2L, up.outputs().get("instances"));
        StepResult same = scale.execute(args(scale, Map.of("name", "api", "instances", 2L)), context);
        assertTrue(same.isOk(), same.message());
        assertEquals(false, same.outputs().get("changed"));
        StepResult back = scale.undo(args(scale, Map.of("name", "api", "instances", 2L)), up.outputs(), context);
        assertTrue(back.isOk(), back.message());
        assertEquals(
                1L, run(new Pm2DescribeStep(), Map.of("name", "api")).outputs().get("instances"));
        run(new Pm2DeleteStep(), Map.of("name", "api"));
    }

    @Test
    void scaleToMaxGivesOneProcessPerCpuOfTheTargetAndRefusesOtherWords() throws Exception {
        long cpus = Pm2ScaleStep.cpus(context);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                cpus >= 1 && cpus <= 8, "scaling to max on " + cpus + " CPUs is too heavy for a test");
        int port = OpsTools.freePort();
        assertTrue(run(
                        new Pm2StartStep(),
                        Map.of("script", server("mx", port).toString(), "name", "mx", "instances", 1L))
                .isOk());
        Pm2ScaleStep scale = new Pm2ScaleStep();
        StepResult max = scale.execute(args(scale, Map.of("name", "mx", "instances", "max")), context);
        assertTrue(max.isOk(), max.message());
        assertEquals(1L, max.outputs().get("previous"));
        assertEquals(cpus, max.outputs().get("instances"));
        assertEquals(
                cpus, run(new Pm2DescribeStep(), Map.of("name", "mx")).outputs().get("instances"));
        StepResult asText = scale.execute(args(scale, Map.of("name", "mx", "instances", "1")), context);
        assertTrue(asText.isOk(), asText.message());
        assertEquals(1L, asText.outputs().get("instances"));
        StepResult word = scale.execute(args(scale, Map.of("name", "mx", "instances", "most")), context);
        assertFalse(word.isOk());
        assertTrue(word.changedNothing());
        assertTrue(word.message().contains("a number or \"max\""), word.message());
        assertTrue(scale.describe(args(scale, Map.of("name", "mx", "instances", "max")))
                .contains("max (one per CPU)"));
        run(new Pm2DeleteStep(), Map.of("name", "mx"));
    }

    @Test
    void anEcosystemActionActsOnEveryAppOfTheFileUnlessOnlyNarrowsIt() throws Exception {
        server("alpha", OpsTools.freePort());
        server("beta", OpsTools.freePort());
        Path eco = dir.resolve("pair.config.js");
        Files.writeString(
                eco,
                "module.exports = { apps: [{ name: 'alpha', script: './alpha.js', cwd: '" + dir + "' },"
                        + " { name: 'beta', script: './beta.js', cwd: '" + dir + "' }] };\n");
        StepResult started = run(new Pm2StartStep(), Map.of("ecosystem", eco.toString()));
        assertTrue(started.isOk(), started.message());
        assertEquals(List.of("alpha", "beta"), started.outputs().get("names"));
        Map<String, Object> pids = pids();

        StepResult one = run(new Pm2CycleStep("reload"), Map.of("ecosystem", eco.toString(), "only", "beta"));
        assertTrue(one.isOk(), one.message());
        assertEquals(List.of("beta"), one.outputs().get("names"));
        Map<String, Object> afterOne = pids();
        assertEquals(pids.get("alpha"), afterOne.get("alpha"), "alpha was left alone");
        assertNotEquals(pids.get("beta"), afterOne.get("beta"));

        StepResult all = run(new Pm2CycleStep("reload"), Map.of("ecosystem", eco.toString(), "only", ""));
        assertTrue(all.isOk(), all.message());
        assertEquals(List.of("alpha", "beta"), all.outputs().get("names"));
        Map<String, Object> afterAll = pids();
        assertNotEquals(afterOne.get("alpha"), afterAll.get("alpha"));
        assertNotEquals(afterOne.get("beta"), afterAll.get("beta"));
        run(new Pm2DeleteStep(), Map.of("ecosystem", eco.toString()));
    }

    private static Map<String, Object> pids() throws Exception {
        Map<String, Object> out = new HashMap<>();
        for (Object p : (List<?>) run(new Pm2ListStep(), Map.of()).outputs().get("processes")) {
            Map<?, ?> m = (Map<?, ?>) p;
            out.put(String.valueOf(m.get("name")), m.get("pid"));
        }
        return out;
    }

    @Test
    void healthAndErrorsProveTheChecklistAndNameWhatIsWrong() throws Exception {
        int port = OpsTools.freePort();
        Path script = dir.resolve("stamped.js");
        Files.writeString(
                script,
                "require('http').createServer((q, s) => {\n"
                        + "  if (q.url === '/boom') console.error('Error: boom token ' + process.env.SECRET_TOKEN);\n"
                        + "  s.end('ok');\n"
                        + "}).listen(" + port + ", '127.0.0.1');\n");
        Path eco = dir.resolve("stamped.config.js");
        Files.writeString(
                eco,
                "module.exports = { apps: [{ name: 'stamped', script: './stamped.js', cwd: '" + dir + "', time: true,"
                        + " env: { SECRET_TOKEN: '" + SECRET + "' } }] };\n");
        assertTrue(run(new Pm2StartStep(), Map.of("ecosystem", eco.toString())).isOk());

        StepResult healthy =
                run(new Pm2HealthStep(), Map.of("only", "stamped", "window", java.time.Duration.ofSeconds(1)));
        assertTrue(healthy.isOk(), healthy.message());
        assertEquals(1L, healthy.outputs().get("count"));
        assertTrue(new Pm2HealthStep().found(healthy.outputs()).get(0).matches("stamped#\\d+ online, \\d+ MiB, .*"));
        StepResult heavy = run(
                new Pm2HealthStep(), Map.of("only", "stamped", "max_memory_mb", 1L, "window", java.time.Duration.ZERO));
        assertFalse(heavy.isOk());
        assertTrue(heavy.message().matches("stamped#\\d+ uses \\d+ MiB, over max_memory_mb 1"), heavy.message());

        String before = java.time.OffsetDateTime.now().minusSeconds(1).toString();
        StepResult quiet = run(new Pm2ErrorsStep(), Map.of("only", "stamped", "since", before));
        assertTrue(quiet.isOk(), quiet.message());
        assertEquals(0L, quiet.outputs().get("count"));
        OpsTools.get("http://127.0.0.1:" + port + "/boom");
        // pm2 writes the app's lines to its log file a moment later: look until the line is there (or give up)
        StepResult spike = run(new Pm2ErrorsStep(), Map.of("only", "stamped", "since", before));
        for (long end = System.nanoTime() + 20_000_000_000L; spike.isOk() && System.nanoTime() < end; ) {
            Thread.onSpinWait();
            spike = run(new Pm2ErrorsStep(), Map.of("only", "stamped", "since", before));
        }
        assertFalse(spike.isOk());
        assertEquals(1L, spike.outputs().get("count"));
        assertTrue(spike.message().startsWith("1 error line(s) in the pm2 logs since " + before), spike.message());
        assertTrue(spike.message().contains("Error: boom token ********"), spike.message());
        assertFalse(spike.message().contains(SECRET));
        StepResult tolerated = run(new Pm2ErrorsStep(), Map.of("only", "stamped", "since", before, "max", 1L));
        assertTrue(tolerated.isOk(), tolerated.message());
        String later = java.time.OffsetDateTime.now().plusSeconds(2).toString();
        assertEquals(
                0L,
                run(new Pm2ErrorsStep(), Map.of("only", "stamped", "since", later))
                        .outputs()
                        .get("count"));
        run(new Pm2DeleteStep(), Map.of("ecosystem", eco.toString()));
    }

    @Test
    void healthSeesAnAppThatKeepsRestartingThoughItLooksOnline() throws Exception {
        Path script = dir.resolve("flaky.js");
        Files.writeString(script, "setTimeout(() => process.exit(1), 400);\n");
        OpsTools.run(Map.of("PM2_HOME", home.toString()), pm2, "start", script.toString(), "--name", "flaky");
        StepResult r = run(new Pm2HealthStep(), Map.of("only", "flaky", "window", java.time.Duration.ofSeconds(2)));
        assertFalse(r.isOk());
        assertTrue(
                r.message().matches("flaky#\\d+ (restarted \\d+ time\\(s\\) in 2s .*|is (errored|stopped|launching))"),
                r.message());
        run(new Pm2DeleteStep(), Map.of("name", "flaky"));
    }

    @Test
    void aStartWhoseProcessExitsAtOnceFailsAndQuotesItsErrorLog() throws Exception {
        Path script = dir.resolve("crash.js");
        Files.writeString(script, "console.error('boom: cannot connect to the database'); process.exit(3);\n");
        StepResult r = run(
                new Pm2StartStep(),
                Map.of("script", script.toString(), "name", "crash", "wait", java.time.Duration.ofSeconds(20)));
        assertFalse(r.isOk());
        assertTrue(
                r.message().contains("crash is errored") || r.message().contains("crash is in a crash loop"),
                r.message());
        assertTrue(r.message().contains("boom: cannot connect to the database"), r.message());
        run(new Pm2DeleteStep(), Map.of("name", "crash"));
    }

    @Test
    void reloadOfAnEcosystemWithAnEnvGivesNewPidsAndNeverLeaksTheEnvironment() throws Exception {
        int port = OpsTools.freePort();
        server("eco", port);
        Path eco = dir.resolve("ecosystem.config.js");
        Files.writeString(
                eco,
                "module.exports = { apps: [{ name: 'eco', script: './eco.js', cwd: '" + dir + "',"
                        + " env: { MARKER: 'dev' }, env_production: { MARKER: 'prod', SECRET_TOKEN: '" + SECRET
                        + "' } }] };\n");
        StepResult started = run(new Pm2StartStep(), Map.of("ecosystem", eco.toString(), "env", "production"));
        assertTrue(started.isOk(), started.message());
        assertEquals(List.of("eco"), started.outputs().get("names"));
        assertTrue(OpsTools.get("http://127.0.0.1:" + port + "/").endsWith(" prod"));
        StepResult reloaded = run(new Pm2CycleStep("reload"), Map.of("ecosystem", eco.toString(), "env", "production"));
        assertTrue(reloaded.isOk(), reloaded.message());
        assertNotEquals(started.outputs().get("pids"), reloaded.outputs().get("pids"));
        StepResult list = run(new Pm2ListStep(), Map.of());
        StepResult logs = run(new Pm2LogsStep(), Map.of("name", "eco"));
        String everything = started.outputs() + " " + reloaded.outputs() + " " + list.outputs() + " " + logs.outputs()
                + " " + context.lines();
        assertFalse(everything.contains(SECRET), "a secret leaked into outputs or logs");
        assertTrue(logs.outputs().get("lines").toString().contains("token ********"));
        run(new Pm2DeleteStep(), Map.of("ecosystem", eco.toString()));
    }

    @Test
    void describeTextsNameTheCommandAndTheWait() {
        Pm2CycleStep reload = new Pm2CycleStep("reload");
        assertEquals(
                "pm2 reload ecosystem.config.js --only cryptique-backend --env production, then wait until every "
                        + "instance of cryptique-backend is online",
                reload.describe(OpsTools.args(
                        reload,
                        Map.of("ecosystem", "ecosystem.config.js", "name", "cryptique-backend", "env", "production"))));
        Pm2ScaleStep scale = new Pm2ScaleStep();
        assertEquals(
                "pm2 scale cryptique-backend 1, then wait until that many instances are online (no-op if it has that"
                        + " many)",
                scale.describe(OpsTools.args(scale, Map.of("name", "cryptique-backend", "instances", 1L))));
    }
}
