package dev.runbook.stdlib.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Opening a client from a step's {@code uri}, with timeouts short enough for an operator waiting at a prompt. */
final class MongoConnection {
    private MongoConnection() {}

    static MongoClient open(String uri) {
        return open(uri, settings -> {});
    }

    /** A client whose settings {@code last} may change after the URI's (what a step must hold whatever the URI). */
    static MongoClient open(String uri, Consumer<MongoClientSettings.Builder> last) {
        // defaults first, so that timeouts written in the URI win
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(10, TimeUnit.SECONDS))
                .applicationName("runbook")
                .applyConnectionString(new ConnectionString(uri));
        last.accept(settings);
        return MongoClients.create(settings.build());
    }

    /** The database named in the URI's path, or null. */
    static String databaseOf(String uri) {
        String db = new ConnectionString(uri).getDatabase();
        return db == null || db.isEmpty() ? null : db;
    }

    /** The explicit db argument, else the URI's database, else null. */
    static String database(String explicit, String uri) {
        return explicit != null && !explicit.isEmpty() ? explicit : databaseOf(uri);
    }
}
