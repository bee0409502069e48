package dev.runbook.stdlib.mongo.restore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** The last phase: one createIndexes per collection, after all the data, as mongorestore does. */
final class IndexRestorer {
    private final MongoClient client;
    private final boolean convertLegacy;
    private final Consumer<String> log;

    IndexRestorer(MongoClient client, boolean convertLegacy, Consumer<String> log) {
        this.client = client;
        this.convertLegacy = convertLegacy;
        this.log = log;
    }

    void restore(List<PlannedCollection> plan) throws RestoreAbort {
        for (PlannedCollection p : plan) {
            if (p.source().metadata().isView()) {
                continue;
            }
            List<BsonDocument> specs =
                    IndexSpecs.secondary(p.source().metadata().indexes(), convertLegacy);
            if (specs.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            specs.forEach(s -> names.add(
                    s.get("name") == null
                            ? s.getDocument("key").toJson()
                            : s.getString("name").getValue()));
            log.accept("restoring indexes of " + p.namespace() + ": " + String.join(", ", names));
            BsonDocument command = new BsonDocument("createIndexes", new BsonString(p.collection()))
                    .append("indexes", new BsonArray(specs))
                    .append("ignoreUnknownIndexOptions", BsonBoolean.TRUE);
            try {
                client.getDatabase(p.db()).runCommand(command);
            } catch (MongoException e) {
                throw new RestoreAbort("creating indexes of " + p.namespace() + ": " + MongoErrors.describe(e), e);
            }
        }
    }
}
