package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runbook drill} of the shipped runbooks, each against the sandbox script made for it: {@code sandbox/app.sh}
 * (a git repository of a node app under a real pm2 behind a real nginx) and its config wrappers, and
 * {@code drill/db-sandbox.sh} / {@code drill/vector-sandbox.sh} (the same app, plus a mongo-java-server in a process
 * of its own, {@link MongoSandbox}). Every case makes a fresh sandbox, so each costs a pm2 daemon's start (5-15 s): to
 * keep CI lean, each runbook is drilled on one chosen step ({@code --only}), the latest write step whose failure
 * undoes the others before it: app-rollback's checkout (the undo the runbook writes itself, then on_failure's
 * redeploy), config-rollback's restart (env) and nginx_restore (nginx), db-restore's restore (also part-way, after
 * it dropped a collection), vector-restore's restore. Every write step is drilled by hand (docs/drill.md), or here
 * with {@code -Drunbook.drill.full=true}. A copy of app-rollback with the checkout's undo broken on purpose must fail,
 * naming the step and the invariant field.
 */
class ShippedRunbookDrillTest {
    private static final Path ROOT = OpsFixture.projectRoot().orElseThrow();

    @TempDir
    Path tmp;

    private Path state;

    @BeforeEach
    void tools() {
        OpsFixture.tool(
                "pm2",
                OpsFixture.executable(ROOT.resolve(".tools/node/node_modules/.bin/pm2"))
                        .or(() -> OpsFixture.onPath("pm2")));
        OpsFixture.tool(
                "nginx", OpsFixture.onPath("nginx").or(() -> OpsFixture.executable(Path.of("/usr/sbin/nginx"))));
        OpsFixture.tool("node", OpsFixture.onPath("node"));
        OpsFixture.tool("npm", OpsFixture.onPath("npm"));
        OpsFixture.tool("git", OpsFixture.onPath("git"));
        state = tmp.resolve("state");
    }

    private CliRun drill(Path runbook, Path sandbox, String... more) throws IOException {
        List<String> args = new ArrayList<>(
                List.of("drill", runbook.toString(), "--sandbox", sandbox.toString(), "--state-dir", state.toString()));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        System.out.println("---- runbook " + String.join(" ", args) + "\n" + run + logs());
        return run;
    }

    /** What each case's run and sandbox printed, for a failure in CI. */
    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(state.resolve("drills"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".log"))
                    .sorted(Comparator.naturalOrder())
                    .toList()) {
                all.append("---- ").append(p.getFileName()).append('\n');
                all.append(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static Path shipped(String name) {
        return ROOT.resolve("runbooks").resolve(name);
    }

    private static Path sandbox(String name) {
        return ROOT.resolve("sandbox").resolve(name);
    }

    private static void assertCase(CliRun run, String step, String outcome) {
        assertTrue(
                run.out().lines().anyMatch(l -> l.startsWith(step + " ") && l.contains(outcome)),
                step + " should read `" + outcome + "`:\n" + run);
    }

    // ---- app-rollback -------------------------------------------------------------------------------------------

    @Test
    void appRollbacksCheckoutIsUndoneBackToTheBranchAndTheAppAnswersAgain() throws IOException {
        CliRun run = drill(shipped("app-rollback.rb"), sandbox("app.sh"), "--only", "checkout");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        // the baseline shows that the invariants see the rollback: the code moved off main
        assertTrue(run.out().contains("changed (as it should): code.commit"), run.out());
        assertCase(run, "checkout", "undo restored everything");
        assertTrue(run.out().contains("drill passed: every one of 1 case was undone"), run.out());
    }

    @Test
    @EnabledIfSystemProperty(named = "runbook.drill.full", matches = "true")
    void everyWriteStepOfAppRollbackIsReportedAndUndone() throws IOException {
        CliRun run = drill(shipped("app-rollback.rb"), sandbox("app.sh"));
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        for (String step : List.of("snapshot", "quiet_health", "scale_down", "checkout", "deps", "reload")) {
            assertCase(run, step, "undo restored everything");
        }
    }

    @Test
    void aCopyWhoseCheckoutUndoChecksOutTheTargetAgainFailsNamingTheStepAndTheCode() throws IOException {
        Path copy = brokenCopy("undo git.checkout { repo: repo, ref: target }");
        CliRun run = drill(copy, sandbox("app.sh"), "--only", "checkout");
        assertEquals(ExitCodes.FAILED, run.code(), run.toString());
        assertCase(run, "checkout", "left a difference");
        assertTrue(run.out().contains("- code.commit: \""), run.out());
        assertTrue(run.out().contains("- code.branch: \"main\" before, \"\" after the undo"), run.out());
        assertTrue(run.out().contains("drill failed: 1 of 2 runs did not restore everything (checkout)"), run.out());
    }

    @Test
    @EnabledIfSystemProperty(named = "runbook.drill.full", matches = "true")
    void aCopyWhoseCheckoutUndoDoesNothingFailsNamingTheStepAndTheCode() throws IOException {
        // an undo that does nothing (removing the undo would not do: git.checkout's own undo would take over)
        Path copy = brokenCopy("undo notify { title: \"UNDO\", message: \"nothing undone\" }");
        CliRun run = drill(copy, sandbox("app.sh"), "--only", "checkout");
        assertEquals(ExitCodes.FAILED, run.code(), run.toString());
        assertCase(run, "checkout", "left a difference");
        assertTrue(run.out().contains("- code.branch: \"main\" before, \"\" after the undo"), run.out());
    }

    /**
     * runbooks/ copied (a runbook may call its neighbours), with app-rollback's checkout undo replaced by {@code undo}
     * (empty: removed).
     */
    private Path brokenCopy(String undo) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("runbooks"));
        try (Stream<Path> files = Files.list(ROOT.resolve("runbooks"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Path copy = dir.resolve("app-rollback.rb");
        String text = Files.readString(copy);
        Matcher m = Pattern.compile(
                        "(?s)(step checkout = git\\.checkout \\{[^}]*\\}(?:(?!\n\\s*step ).)*?)undo git\\.checkout \\{[^}]*\\}")
                .matcher(text);
        assertTrue(m.find(), "app-rollback.rb no longer undoes its checkout with git.checkout:\n" + text);
        Files.writeString(copy, m.replaceFirst(Matcher.quoteReplacement(m.group(1) + undo)));
        return copy;
    }

    // ---- config-rollback ----------------------------------------------------------------------------------------

    @Test
    void configRollbackOfTheEnvFileFailingAtTheRestartPutsTheFileBack() throws IOException {
        CliRun run = drill(shipped("config-rollback.rb"), sandbox("config-env.sh"), "--only", "restart");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(run.out().contains("changed (as it should): env_config.sha256"), run.out());
        assertCase(run, "restart", "undo restored everything");
    }

    @Test
    void configRollbackOfTheNginxSiteFailingAfterTheReloadPutsTheSiteBack() throws IOException {
        CliRun run = drill(shipped("config-rollback.rb"), sandbox("config-nginx.sh"), "--only", "nginx_restore");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(run.out().contains("changed (as it should): site_config.sha256"), run.out());
        assertCase(run, "nginx_restore", "undo restored everything");
    }

    @Test
    @EnabledIfSystemProperty(named = "runbook.drill.full", matches = "true")
    void everyWriteStepOfConfigRollbackIsUndoneAndTheOtherConfigsStepsAreNotDrilled() throws IOException {
        CliRun env = drill(shipped("config-rollback.rb"), sandbox("config-env.sh"));
        assertEquals(ExitCodes.OK, env.code(), env.toString());
        for (String step : List.of("env_backup", "env_restore", "restart")) {
            assertCase(env, step, "undo restored everything");
        }
        assertCase(env, "nginx_restore", "not drilled");
        CliRun nginx = drill(shipped("config-rollback.rb"), sandbox("config-nginx.sh"));
        assertEquals(ExitCodes.OK, nginx.code(), nginx.toString());
        for (String step : List.of("nginx_backup", "nginx_restore")) {
            assertCase(nginx, step, "undo restored everything");
        }
        assertCase(nginx, "env_restore", "not drilled");
    }

    // ---- the restores: a mongo-java-server of the sandbox's own ---------------------------------------------------

    @Test
    void dbRestoresRestoreIsUndoneFromTheEmergencyDumpAfterItsWorkAndPartWay() throws IOException {
        CliRun run = drill(shipped("db-restore.rb"), mongoSandbox("db-sandbox.sh"), "--only", "restore", "--part-way");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(run.out().contains("changed (as it should): data.counts"), run.out());
        assertCase(run, "restore", "undo restored everything");
        assertCase(run, "restore (part-way)", "undo restored everything");
        String journal = journal("restore-part-way");
        assertTrue(journal.contains("\"injected_at\":\"part-way: after dropping the first collection\""), journal);
        assertTrue(journal.contains("stopped by the drill part-way"), journal);
    }

    /** The journal of the drill's run for {@code name} ({@code restore}, {@code restore-part-way}). */
    private String journal(String name) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(state.resolve("runs"))) {
            for (Path p : walk.filter(
                            f -> f.getParent().getFileName().toString().endsWith("-drill-" + name)
                                    && f.getFileName().toString().endsWith(".jsonl"))
                    .toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }

    @Test
    void vectorRestoresImportIsUndoneFromItsSnapshot() throws IOException {
        CliRun run = drill(shipped("vector-restore.yaml"), mongoSandbox("vector-sandbox.sh"), "--only", "restore");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(run.out().contains("changed (as it should): data.counts"), run.out());
        assertCase(run, "restore", "undo restored everything");
    }

    @Test
    @EnabledIfSystemProperty(named = "runbook.drill.full", matches = "true")
    void everyWriteStepOfTheRestoresIsUndone() throws IOException {
        CliRun db = drill(shipped("db-restore.rb"), mongoSandbox("db-sandbox.sh"), "--part-way");
        assertEquals(ExitCodes.OK, db.code(), db.toString());
        for (String step : List.of("stop_app", "emergency", "restore", "restore (part-way)", "start_app")) {
            assertCase(db, step, "undo restored everything");
        }
        CliRun vector = drill(shipped("vector-restore.yaml"), mongoSandbox("vector-sandbox.sh"));
        assertEquals(ExitCodes.OK, vector.code(), vector.toString());
        for (String step : List.of("stop_worker", "restore", "start_worker")) {
            assertCase(vector, step, "undo restored everything");
        }
    }

    /**
     * The mongo sandbox scripts, copied beside a {@code mongo-sandbox.env} that names the project (for
     * sandbox/app.sh), this JVM's java and the test class path (for {@link MongoSandbox}).
     */
    private Path mongoSandbox(String script) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("sandbox"));
        for (String name : List.of("mongo-sandbox.sh", "db-sandbox.sh", "vector-sandbox.sh")) {
            Path to = dir.resolve(name);
            Files.copy(Path.of("src/test/resources/drill").resolve(name), to, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String classpath = Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path"));
        Files.writeString(
                dir.resolve("mongo-sandbox.env"),
                "ROOT=" + quoted(ROOT.toString()) + "\nJAVA="
                        + quoted(Path.of(System.getProperty("java.home"), "bin", "java")
                                .toString())
                        + "\nTEST_CLASSPATH=" + quoted(classpath) + "\n");
        return dir.resolve(script);
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
