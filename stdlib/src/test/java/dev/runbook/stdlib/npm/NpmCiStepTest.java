package dev.runbook.stdlib.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.testing.OpsTools;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** npm.ci with the real npm, on a package without dependencies (so it needs no network). */
class NpmCiStepTest {
    @TempDir
    Path dir;

    private static final String LOCK =
            "{\n  \"name\": \"tiny\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n"
                    + "  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"name\": \"tiny\",\n"
                    + "      \"version\": \"1.0.0\"\n    }\n  }\n}\n";

    @Test
    void installsFromTheLockFileAndStreamsOutput() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"tiny\",\"version\":\"1.0.0\",\"private\":true}\n");
        Files.writeString(dir.resolve("package-lock.json"), LOCK);
        TestContext context = new TestContext(dir);
        NpmCiStep step = new NpmCiStep();
        StepResult r = step.execute(OpsTools.args(step, Map.of("dir", dir.toString(), "npm", OpsTools.npm())), context);
        assertTrue(r.isOk(), r.message());
        assertTrue(
                r.outputs().get("summary").toString().startsWith("up to date")
                        || r.outputs().get("summary").toString().startsWith("added"),
                r.outputs().toString());
        assertTrue(context.lines().stream().anyMatch(l -> l.contains("up to date") || l.contains("added")));
    }

    @Test
    void aLockFileOutOfSyncFailsWithNpmsOwnExplanation() throws Exception {
        Files.writeString(
                dir.resolve("package.json"),
                "{\"name\":\"tiny\",\"version\":\"1.0.0\",\"dependencies\":{\"left-pad\":\"1.3.0\"}}\n");
        Files.writeString(dir.resolve("package-lock.json"), LOCK);
        NpmCiStep step = new NpmCiStep();
        StepResult r = step.execute(
                OpsTools.args(step, Map.of("dir", dir.toString(), "npm", OpsTools.npm())), new TestContext(dir));
        assertFalse(r.isOk());
        assertTrue(r.message().contains("ci --omit=dev --no-audit --no-fund failed in " + dir), r.message());
        assertTrue(r.message().contains("in sync"), r.message());
    }

    @Test
    void describeNamesTheCommandAndAMissingLockFileFails() throws Exception {
        NpmCiStep step = new NpmCiStep();
        assertEquals(
                "npm ci --omit=dev --no-audit --no-fund in /srv/app (replaces node_modules)",
                step.describe(OpsTools.args(step, Map.of("dir", "/srv/app"))));
        assertEquals(
                "npm ci --no-audit --no-fund in /srv/app (replaces node_modules)",
                step.describe(OpsTools.args(step, Map.of("dir", "/srv/app", "production", false))));
        StepResult r = step.execute(OpsTools.args(step, Map.of("dir", dir.toString())), new TestContext(dir));
        assertTrue(r.message().startsWith("npm ci needs"), r.message());
    }
}
