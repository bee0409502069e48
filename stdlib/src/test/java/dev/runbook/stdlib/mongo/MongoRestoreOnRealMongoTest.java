package dev.runbook.stdlib.mongo;

import static dev.runbook.stdlib.mongo.MongoTestSupport.args;
import static dev.runbook.stdlib.mongo.MongoTestSupport.fixture;
import static dev.runbook.stdlib.mongo.MongoTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.runbook.spi.StepResult;
import dev.runbook.testing.TestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;

/**
 * The fixture restores against a real MongoDB in a container, where a Docker engine is present. Without one the
 * class is skipped, loudly: the same restores run against mongo-java-server in MongoRestoreFixturesTest.
 */
class MongoRestoreOnRealMongoTest {
    private static MongoDBContainer mongo;
    private static MongoClient client;

    @TempDir
    Path work;

    private final MongoRestoreStep step = new MongoRestoreStep();

    @BeforeAll
    static void start() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            System.err.println("SKIPPED: MongoRestoreOnRealMongoTest needs a Docker engine for a real MongoDB "
                    + "(Testcontainers); this machine has none, so the restores ran against mongo-java-server only");
        }
        Assumptions.assumeTrue(docker, "no Docker engine: the real-MongoDB restore tests are skipped");
        mongo = new MongoDBContainer("mongo:7.0");
        mongo.start();
        client = MongoClients.create(mongo.getConnectionString());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (mongo != null) {
            mongo.stop();
        }
    }

    private StepResult restore(Object... more) throws InterruptedException {
        Map<String, Object> given = map("uri", mongo.getConnectionString());
        given.putAll(map(more));
        return step.execute(args(step, given), new TestContext(work));
    }

    @Test
    void testdirsRestoresWithTheReadmeCounts() throws Exception {
        StepResult r = restore("from", fixture("testdirs").toString(), "drop", true);
        assertTrue(r.isOk(), r.message());
        assertEquals(110L, r.outputs().get("restored"));
        assertEquals(100L, client.getDatabase("db1").getCollection("c1").countDocuments());
        assertEquals(10L, client.getDatabase("db1").getCollection("c4").countDocuments());
    }

    @Test
    void indexesAndEscapedNamesComeBack() throws Exception {
        assertTrue(restore("from", fixture("coll_with_index").toString(), "drop", true)
                .isOk());
        List<String> names = new ArrayList<>();
        client.getDatabase("test")
                .getCollection("foo")
                .listIndexes()
                .forEach((Document d) -> names.add(d.getString("name")));
        assertEquals(List.of("_id_", "f_1"), names);
        assertTrue(restore("from", fixture("specialcharacter").toString(), "drop", true)
                .isOk());
        assertEquals(1L, client.getDatabase("db1").getCollection("cafés").countDocuments());
    }

    @Test
    void archivesRestoreAndABadArchiveChangesNothing() throws Exception {
        assertTrue(restore("from", fixture("test.bar.archive").toString(), "drop", true)
                .isOk());
        assertEquals(1L, client.getDatabase("test").getCollection("bar").countDocuments());
        StepResult bad = restore("from", fixture("bad-format.archive").toString(), "drop", true);
        assertFalse(bad.isOk());
        assertEquals(1L, client.getDatabase("test").getCollection("bar").countDocuments());
    }
}
