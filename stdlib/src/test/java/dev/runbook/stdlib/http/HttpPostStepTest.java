package dev.runbook.stdlib.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.Effect;
import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.LoopbackHttp;
import dev.runbook.stdlib.StepArgs;
import dev.runbook.testing.TestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpPostStepTest {
    private final HttpPostStep post = new HttpPostStep();
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

    @Test
    void sendsJsonWithItsContentType() throws Exception {
        StepResult result = post.execute(
                StepArgs.of(
                        post,
                        Map.of("url", server.url("/echo"), "json", Map.of("event", "rollback"), "expect_status", 201L)),
                new TestContext(dir));

        assertTrue(result.isOk(), result.message());
        assertEquals(
                List.of(new LoopbackHttp.Received("POST", "/echo", "application/json", "{\"event\":\"rollback\"}")),
                server.received());
        assertEquals("got it", result.outputs().get("body"));
    }

    @Test
    void sendsATextBodyWithTheGivenHeaders() throws Exception {
        StepResult result = post.execute(
                StepArgs.of(
                        post,
                        Map.of(
                                "url",
                                server.url("/echo"),
                                "body",
                                "a=1",
                                "headers",
                                Map.of("Content-Type", "application/x-www-form-urlencoded"))),
                new TestContext(dir));

        assertTrue(result.isOk(), result.message());
        assertEquals("a=1", server.received().get(0).body());
        assertEquals(
                "application/x-www-form-urlencoded", server.received().get(0).contentType());
    }

    @Test
    void anUnexpectedStatusFails() throws Exception {
        StepResult result = post.execute(
                StepArgs.of(post, Map.of("url", server.url("/echo"), "body", "x", "expect_status", 200L)),
                new TestContext(dir));

        assertFalse(result.isOk());
        assertTrue(result.message().contains("returned 201, expected 200"), result.message());
    }

    @Test
    void isExternalAndDescribesItsBody() {
        assertEquals(Effect.EXTERNAL, post.effect());
        assertEquals(
                "POST http://hooks/x with a JSON body",
                post.describe(StepArgs.of(post, Map.of("url", "http://hooks/x", "json", Map.of()))));
    }
}
