package dev.runbook.stdlib.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.LoopbackHttp;
import dev.runbook.stdlib.StepArgs;
import dev.runbook.testing.TestContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpBurstStepTest {
    private final HttpBurstStep burst = new HttpBurstStep();
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
        return burst.execute(StepArgs.of(burst, args), new TestContext(dir));
    }

    @Test
    void aRateLimitedEndpointAnswers429ToPartOfTheBurst() throws Exception {
        StepResult r = run(Map.of("url", server.url("/limited"), "count", 10L));
        assertTrue(r.isOk(), r.message());
        assertEquals(7L, r.outputs().get("limited"));
        assertEquals(Map.of("200", 3L, "429", 7L), r.outputs().get("statuses"));
        assertTrue(
                burst.found(r.outputs()).get(0).contains("7 limited"),
                burst.found(r.outputs()).toString());
    }

    @Test
    void anEndpointWithoutARateLimitFailsTheStepSayingSo() throws Exception {
        StepResult r = run(Map.of("url", server.url("/ok"), "count", 10L));
        assertFalse(r.isOk());
        assertTrue(r.message().startsWith("rate limiting is not active: 10 requests"), r.message());
        assertTrue(r.message().contains("{200=10}"), r.message());
        assertEquals(0L, r.outputs().get("limited"));
    }

    @Test
    void aCountOutOfRangeIsRefusedBeforeAnyRequest() throws Exception {
        StepResult r = run(Map.of("url", server.url("/limited"), "count", 0L));
        assertFalse(r.isOk());
        assertTrue(r.changedNothing());
        // the refused burst sent nothing: the server's first three answers are still 200
        StepResult next = run(Map.of("url", server.url("/limited"), "count", 4L));
        assertEquals(Map.of("200", 3L, "429", 1L), next.outputs().get("statuses"));
    }
}
