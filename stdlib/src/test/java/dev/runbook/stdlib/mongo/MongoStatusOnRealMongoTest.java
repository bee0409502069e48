package dev.runbook.stdlib.mongo;

import static dev.runbook.stdlib.mongo.MongoTestSupport.args;
import static dev.runbook.stdlib.mongo.MongoTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.runbook.spi.StepResult;
import dev.runbook.testing.TestContext;
import java.nio.file.Path;
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
 * mongo.status on a real MongoDB in a container, where a Docker engine is present: $currentOp answers, and the
 * connections of another application are counted while the step's own are not. Without Docker the class is skipped,
 * loudly: the $currentOp parsing is then covered by OtherConnectionsTest only.
 */
class MongoStatusOnRealMongoTest {
    private static MongoDBContainer mongo;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            System.err.println("SKIPPED: MongoStatusOnRealMongoTest needs a Docker engine for a real MongoDB "
                    + "(Testcontainers); this machine has none, so $currentOp was tested on a written reply only");
        }
        Assumptions.assumeTrue(docker, "no Docker engine: the real-MongoDB status test is skipped");
        mongo = new MongoDBContainer("mongo:7.0");
        mongo.start();
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.stop();
        }
    }

    @Test
    void countsTheConnectionsOfAnotherApplicationButNotItsOwn() throws Exception {
        MongoStatusStep status = new MongoStatusStep();
        MongoClientSettings app = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.getConnectionString()))
                .applicationName("cryptique-backend")
                .build();
        try (MongoClient other = MongoClients.create(app)) {
            other.getDatabase("admin").runCommand(new Document("ping", 1));
            StepResult r = status.execute(args(status, map("uri", mongo.getConnectionString())), new TestContext(work));
            assertTrue(r.isOk(), r.message());
            assertEquals("currentOp", r.outputs().get("source"));
            Map<?, ?> byApp = (Map<?, ?>) r.outputs().get("others_by_app");
            assertTrue(byApp.get("cryptique-backend") instanceof Long n && n >= 1, byApp.toString());
            assertTrue(byApp.keySet().stream().noneMatch(k -> k.toString().startsWith("runbook")), byApp.toString());
            long current = (Long) ((Map<?, ?>) r.outputs().get("connections")).get("current");
            assertTrue(current > (Long) r.outputs().get("others"), "its own connections are left out: " + r.outputs());
        }
    }
}
