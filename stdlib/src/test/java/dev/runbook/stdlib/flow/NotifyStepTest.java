package dev.runbook.stdlib.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.LoopbackHttp;
import dev.runbook.stdlib.StepArgs;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyStepTest {
    private static final String ALERT =
            "System: Cryptique RAG Backend\nReason: health check failed\n" + "Rollback Target: v1.4.1";

    private final NotifyStep notify = new NotifyStep();
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

    private StepResult run(Map<String, Object> args, TestContext context) throws InterruptedException {
        return notify.execute(StepArgs.of(notify, args), context);
    }

    @Test
    void printsToTheConsoleByDefault() throws Exception {
        TestContext context = new TestContext(dir);
        StepResult result = run(Map.of("message", ALERT, "title", "ROLLBACK IN PROGRESS", "severity", "high"), context);

        assertTrue(result.isOk(), result.message());
        assertEquals("stdout", result.outputs().get("delivered_to"));
        assertEquals(
                List.of(
                        "[HIGH] ROLLBACK IN PROGRESS",
                        "System: Cryptique RAG Backend",
                        "Reason: health check failed",
                        "Rollback Target: v1.4.1"),
                context.lines());
    }

    @Test
    void appendsToAFile() throws Exception {
        TestContext context = new TestContext(dir);
        run(Map.of("message", "first", "to", "file:notes/incident.log"), context);
        Files.createDirectory(dir.resolve("notes"));
        StepResult one = run(Map.of("message", "first", "to", "file:notes/incident.log"), context);
        StepResult two = run(Map.of("message", "second", "to", "file:notes/incident.log"), context);

        assertTrue(one.isOk() && two.isOk(), one.message() + " " + two.message());
        assertEquals("file:" + dir.resolve("notes/incident.log"), two.outputs().get("delivered_to"));
        assertEquals("first\nsecond\n", Files.readString(dir.resolve("notes/incident.log")));
    }

    @Test
    void aMissingDirectoryFailsNamingTheFile() throws Exception {
        StepResult result = run(Map.of("message", "x", "to", "file:nope/incident.log"), new TestContext(dir));

        assertFalse(result.isOk());
        assertTrue(result.message().contains(dir.resolve("nope/incident.log").toString()), result.message());
    }

    @Test
    void postsJsonToAWebhook() throws Exception {
        StepResult result = run(
                Map.of(
                        "message",
                        "We expect to have this resolved within 30 minutes.",
                        "title",
                        "Service \"degraded\"",
                        "to",
                        server.url("/echo")),
                new TestContext(dir));

        assertTrue(result.isOk(), result.message());
        assertEquals(server.url("/echo"), result.outputs().get("delivered_to"));
        assertEquals(
                List.of(
                        new LoopbackHttp.Received(
                                "POST",
                                "/echo",
                                "application/json",
                                "{\"title\":\"Service \\\"degraded\\\"\",\"text\":\"We expect to have this resolved within 30 minutes.\"}")),
                server.received());
    }

    @Test
    void masksSecretsBeforeTheyLeave() throws Exception {
        TestContext context = new TestContext(dir, Map.of(), List.of("tok3n"));
        run(Map.of("message", "uri mongodb://app:tok3n@db", "to", server.url("/echo")), context);

        assertEquals(
                "{\"text\":\"uri mongodb://app:********@db\"}",
                server.received().get(0).body());
    }

    @Test
    void aFailingWebhookFails() throws Exception {
        StepResult result = run(Map.of("message", "x", "to", server.url("/error")), new TestContext(dir));

        assertFalse(result.isOk());
        assertEquals(
                "webhook " + server.url("/error") + " answered 500: database down retry later;"
                        + " the notification was not delivered",
                result.message());
    }

    @Test
    void anUnreachableWebhookFails() throws Exception {
        StepResult result = run(Map.of("message", "x", "to", LoopbackHttp.refusedUrl()), new TestContext(dir));

        assertFalse(result.isOk());
        assertTrue(result.message().contains("cannot connect"), result.message());
    }

    @Test
    void anUnknownDestinationFails() throws Exception {
        StepResult result = run(Map.of("message", "x", "to", "slack"), new TestContext(dir));

        assertFalse(result.isOk());
        assertTrue(result.message().startsWith("cannot deliver to \"slack\""), result.message());
    }

    @Test
    void describeNamesDestinationAndTitle() {
        assertEquals(
                "notify stdout: System: Cryptique RAG Backend ...",
                notify.describe(StepArgs.of(notify, Map.of("message", ALERT))));
    }
}
