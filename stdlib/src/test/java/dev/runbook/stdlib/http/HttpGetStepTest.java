package dev.runbook.stdlib.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.model.Unknown;
import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.LoopbackHttp;
import dev.runbook.stdlib.StepArgs;
import dev.runbook.testing.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpGetStepTest {
    private final HttpGetStep get = new HttpGetStep();
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
        return get.execute(StepArgs.of(get, args), new TestContext(dir));
    }

    @Test
    void reportsStatusBodyHeadersAndLatency() throws Exception {
        StepResult result = run(Map.of("url", server.url("/ok"), "expect_status", 200L));

        assertTrue(result.isOk(), result.message());
        assertEquals(200L, result.outputs().get("status"));
        assertEquals("healthy", result.outputs().get("body"));
        assertEquals("loopback", ((Map<?, ?>) result.outputs().get("headers")).get("x-served-by"));
        assertNull(result.outputs().get("json"));
        assertTrue(((Duration) result.outputs().get("latency")).toNanos() > 0);
    }

    @Test
    void parsesJsonBodies() throws Exception {
        StepResult result = run(Map.of("url", server.url("/json")));

        Map<?, ?> json = (Map<?, ?>) result.outputs().get("json");
        assertEquals("1.4.2", ((Map<?, ?>) json.get("data")).get("version"));
        assertEquals(4L, ((Map<?, ?>) json.get("data")).get("workers"));
        assertEquals(List.of(Map.of("name", "api")), json.get("items"));
    }

    @Test
    void parsesJsonLookingBodiesWithoutAContentType() throws Exception {
        StepResult result = run(Map.of("url", server.url("/plain-json")));

        assertEquals("ok", ((Map<?, ?>) result.outputs().get("json")).get("status"));
    }

    @Test
    void anErrorStatusIsOkUnlessAStatusIsExpected() throws Exception {
        StepResult plain = run(Map.of("url", server.url("/error")));
        assertTrue(plain.isOk(), plain.message());
        assertEquals(500L, plain.outputs().get("status"));

        StepResult expecting = run(Map.of("url", server.url("/error"), "expect_status", 200L));
        assertFalse(expecting.isOk());
        assertEquals(
                "GET " + server.url("/error") + " returned 500, expected 200: database down retry later",
                expecting.message());
        assertEquals(500L, expecting.outputs().get("status"));
    }

    @Test
    void capsTheBody() throws Exception {
        StepResult result = run(Map.of("url", server.url("/big")));

        assertEquals(64 * 1024, ((String) result.outputs().get("body")).length());
    }

    @Test
    void connectionRefusedIsAFailedResult() throws Exception {
        String url = LoopbackHttp.refusedUrl();
        StepResult result = run(Map.of("url", url));

        assertFalse(result.isOk());
        assertTrue(result.message().startsWith("GET " + url + ": connection refused"), result.message());
        assertTrue(result.message().contains("is the service running"), result.message());
    }

    @Test
    void aSlowServerTimesOut() throws Exception {
        StepResult result = run(Map.of("url", server.url("/slow"), "timeout", Duration.ofMillis(300)));

        assertFalse(result.isOk());
        assertTrue(result.message().contains("no response within 300ms"), result.message());
    }

    @Test
    void aBadUrlIsAFailedResult() throws Exception {
        StepResult result = run(Map.of("url", "ftp://example.org/x"));

        assertFalse(result.isOk());
        assertTrue(result.message().startsWith("cannot build GET ftp://example.org/x"), result.message());
    }

    @Test
    void sendsHeadersAndMasksSecretsInTheBody() throws Exception {
        TestContext context = new TestContext(dir, System.getenv(), List.of("healthy"));
        StepResult result = get.execute(
                StepArgs.of(get, Map.of("url", server.url("/ok"), "headers", Map.of("Authorization", "Bearer x"))),
                context);

        assertEquals("********", result.outputs().get("body"));
    }

    @Test
    void describeNamesMethodUrlAndExpectation() {
        assertEquals(
                "GET http://localhost:3001/health, expect 200",
                get.describe(StepArgs.of(get, Map.of("url", "http://localhost:3001/health", "expect_status", 200L))));
        assertEquals(
                "GET <params.base_url>", get.describe(StepArgs.of(get, Map.of("url", new Unknown("params.base_url")))));
    }
}
