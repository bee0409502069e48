package dev.runbook.stdlib.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process mongo-java-server per test class (register it as a static field with @RegisterExtension), emptied
 * before each test.
 */
final class MongoServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private MongoServer server;
    private MongoClient client;
    private String uri;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        uri = server.bindAndGetConnectionString();
        client = MongoClients.create(uri);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (String db : client.listDatabaseNames()) {
            if (!db.equals("admin")) {
                client.getDatabase(db).drop();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    String uri() {
        return uri;
    }

    MongoClient client() {
        return client;
    }
}
