package dev.runbook.stdlib.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.LoopbackHttp;
import dev.runbook.stdlib.StepArgs;
import dev.runbook.testing.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpCheckStepTest {
    private final HttpCheckStep check = new HttpCheckStep();
    private LoopbackHttp server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackHttp();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private StepResult run(Map<String, Object> args) throws InterruptedException {
        return check.execute(StepArgs.of(check, args), new TestContext(dir));
    }

    @Test
    void passesWhenEverythingMatches() throws Exception {
        StepResult result = run(Map.of(
                "url",
                server.url("/json"),
                "contains",
                "\"status\":\"ok\"",
                "json_path",
                "data.version",
                "equals",
                "1.4.2",
                "max_latency",
                Duration.ofSeconds(30)));

        assertTrue(result.isOk(), result.message());
        assertEquals(true, result.outputs().get("ok"));
        assertEquals(200L, result.outputs().get("status"));
    }

    @Test
    void comparesNumbersBooleansAndListIndexes() throws Exception {
        assertTrue(run(Map.of("url", server.url("/json"), "json_path", "data.workers", "equals", 4.0))
                .isOk());
        assertTrue(run(Map.of("url", server.url("/json"), "json_path", "data.ready", "equals", true))
                .isOk());
        assertTrue(run(Map.of("url", server.url("/json"), "json_path", "items.0.name", "equals", "api"))
                .isOk());
        assertTrue(
                run(Map.of("url", server.url("/json"), "json_path", "data.note"))
                        .isOk(),
                "null is present");
    }

    @Test
    void namesEveryCheckThatFailed() throws Exception {
        StepResult result = run(Map.of("url", server.url("/error"), "contains", "healthy"));

        assertFalse(result.isOk());
        assertEquals(false, result.outputs().get("ok"));
        assertEquals(
                "health check of " + server.url("/error") + " failed: status 500, expected 200: "
                        + "database down retry later; body does not contain \"healthy\"",
                result.message());
    }

    @Test
    void namesAJsonValueThatDiffers() throws Exception {
        StepResult result = run(Map.of("url", server.url("/json"), "json_path", "data.version", "equals", "1.5.0"));

        assertFalse(result.isOk());
        assertTrue(result.message().endsWith("data.version is \"1.4.2\", expected \"1.5.0\""), result.message());
    }

    @Test
    void namesAMissingJsonPath() throws Exception {
        StepResult result = run(Map.of("url", server.url("/json"), "json_path", "data.commit"));

        assertTrue(result.message().endsWith("data.commit is missing from the JSON body"), result.message());
    }

    @Test
    void saysWhenTheBodyIsNotJson() throws Exception {
        StepResult result = run(Map.of("url", server.url("/ok"), "json_path", "status"));

        assertTrue(result.message().endsWith("body is not JSON, so status cannot be read"), result.message());
    }

    @Test
    void flagsSlowAnswers() throws Exception {
        StepResult result = run(Map.of("url", server.url("/ok"), "max_latency", Duration.ZERO));

        assertFalse(result.isOk());
        assertTrue(result.message().contains("over max_latency 0s"), result.message());
    }

    @Test
    void acceptsAnotherExpectedStatus() throws Exception {
        assertTrue(run(Map.of("url", server.url("/error"), "status", 500L)).isOk());
    }

    @Test
    void connectionRefusedFailsWithOkFalse() throws Exception {
        StepResult result = run(Map.of("url", LoopbackHttp.refusedUrl()));

        assertFalse(result.isOk());
        assertEquals(false, result.outputs().get("ok"));
        assertTrue(result.message().contains("connection refused"), result.message());
    }

    @Test
    void describeListsTheChecks() {
        String line = check.describe(StepArgs.of(
                check,
                Map.of(
                        "url",
                        "http://localhost:3001/health",
                        "json_path",
                        "data.version",
                        "equals",
                        "1.4.2",
                        "max_latency",
                        Duration.ofMillis(500))));

        assertEquals("GET http://localhost:3001/health, expect 200, data.version == 1.4.2, within 500ms", line);
    }
}
