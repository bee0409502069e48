package dev.runbook.stdlib.mongo;

import static dev.runbook.stdlib.mongo.MongoTestSupport.args;
import static dev.runbook.stdlib.mongo.MongoTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.testing.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** mongo.ping, mongo.status and mongo.counts against mongo-java-server. */
class MongoProbeStepsTest {
    @RegisterExtension
    static final MongoServerExtension MONGO = new MongoServerExtension();

    @TempDir
    Path work;

    @Test
    void pingAnswers() throws Exception {
        MongoPingStep ping = new MongoPingStep();
        StepResult r = ping.execute(args(ping, map("uri", MONGO.uri())), new TestContext(work));
        assertTrue(r.isOk(), r.message());
        assertEquals(true, r.outputs().get("ok"));
        assertTrue(((Duration) r.outputs().get("latency")).compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void pingOfNothingFailsWithoutLeakingThePassword() throws Exception {
        MongoPingStep ping = new MongoPingStep();
        String uri = "mongodb://user:s3cret@127.0.0.1:1/?serverSelectionTimeoutMS=300&connectTimeoutMS=300";
        TestContext context = new TestContext(work, Map.of(), java.util.List.of("s3cret"));
        StepResult r = ping.execute(args(ping, map("uri", uri)), context);
        assertFalse(r.isOk());
        assertFalse(r.message().contains("s3cret"), r.message());
    }

    @Test
    void statusReportsConnectionsVersionAndUptime() throws Exception {
        MongoStatusStep status = new MongoStatusStep();
        StepResult r = status.execute(args(status, map("uri", MONGO.uri())), new TestContext(work));
        assertTrue(r.isOk(), r.message());
        assertTrue(((Map<?, ?>) r.outputs().get("connections")).get("current") instanceof Long);
        assertFalse(((String) r.outputs().get("version")).isEmpty());
        assertTrue(r.outputs().get("uptime") instanceof Duration);
    }

    @Test
    void withoutCurrentOpOthersComeFromServerStatusLessTheStepsOwnConnectionsAndSaySo() throws Exception {
        // mongo-java-server has no $currentOp stage: the fallback is what runs here. Its serverStatus reports
        // one connection whoever is connected, which the step's own client (a pool connection and a monitor) covers.
        MongoStatusStep status = new MongoStatusStep();
        TestContext context = new TestContext(work);
        StepResult r = status.execute(args(status, map("uri", MONGO.uri())), context);
        assertTrue(r.isOk(), r.message());
        assertEquals("serverStatus", r.outputs().get("source"));
        assertEquals(0L, r.outputs().get("others"));
        assertEquals(Map.of(), r.outputs().get("others_by_app"));
        assertEquals(2L, r.outputs().get("own"), "one pool connection and one monitoring connection");
        assertTrue(
                context.lines().stream().anyMatch(l -> l.contains("$currentOp refused")),
                context.lines().toString());
        assertEquals(
                java.util.List.of("0 connection(s) from other clients (from serverStatus)"), status.found(r.outputs()));
    }

    @Test
    void countsAreSortedAndTotalled() throws Exception {
        MONGO.client().getDatabase("app").getCollection("zebras").insertOne(new Document("a", 1));
        MONGO.client().getDatabase("app").getCollection("ants").insertOne(new Document("a", 1));
        MONGO.client().getDatabase("app").getCollection("ants").insertOne(new Document("a", 2));
        MongoCountsStep counts = new MongoCountsStep();
        StepResult r = counts.execute(args(counts, map("uri", MONGO.uri() + "/app")), new TestContext(work));
        assertTrue(r.isOk(), r.message());
        assertEquals("{ants=2, zebras=1}", r.outputs().get("counts").toString());
        assertEquals(3L, r.outputs().get("total"));
        StepResult noDb = counts.execute(args(counts, map("uri", MONGO.uri())), new TestContext(work));
        assertFalse(noDb.isOk());
        StepResult estimated = counts.execute(
                args(counts, map("uri", MONGO.uri(), "db", "app", "exact", false)), new TestContext(work));
        assertEquals(3L, estimated.outputs().get("total"));
    }
}
