package dev.runbook.stdlib.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import dev.runbook.stdlib.mongo.dump.CollectionMetadata;
import dev.runbook.stdlib.mongo.dump.DumpWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * {@code mongo.dump}: writes one database in mongodump's directory format, which mongorestore and
 * {@code mongo.restore} both read. Views get metadata only; system collections are left out except system.js.
 */
public final class MongoDumpStep implements StepType {
    @Override
    public String name() {
        return "mongo.dump";
    }

    @Override
    public String summary() {
        return "Dump a database to a mongodump directory (<out>/<db>/<coll>.bson + .metadata.json)";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.BACKUP);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("uri", Type.STRING, "MongoDB connection string"),
                ParamSpec.optional("db", Type.STRING, null, "database (default: the one in the URI)"),
                ParamSpec.required("out", Type.STRING, "dump root directory; the database goes to <out>/<db>/"),
                ParamSpec.optional("gzip", Type.BOOL, false, "gzip every file (.bson.gz, .metadata.json.gz)"),
                ParamSpec.optional("collections", Type.LIST, List.of(), "only these collections (default: all)"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("out", Type.STRING, "the dump root, to give to mongo.restore's from"),
                OutputSpec.of("counts", Type.MAP, "collection -> documents written"),
                OutputSpec.of("total", Type.INT, "documents written"));
    }

    @Override
    public String describe(Args args) {
        return "dump " + (args.has("db") ? args.show("db") : "the URI's database") + " to " + args.show("out")
                + (args.has("gzip") && args.isKnown("gzip") && args.bool("gzip") ? " (gzip)" : "");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        String dbName = MongoConnection.database(args.string("db"), args.string("uri"));
        if (dbName == null) {
            return StepResult.failed("no database: give db, or name one in the URI (mongodb://host/DB)");
        }
        Path out = context.resolve(args.string("out"));
        List<String> only = args.strings("collections");
        try (MongoClient client = MongoConnection.open(args.string("uri"))) {
            MongoDatabase db = client.getDatabase(dbName);
            DumpWriter writer = new DumpWriter(out, dbName, args.bool("gzip"));
            Map<String, Object> counts = new LinkedHashMap<>();
            long total = 0;
            for (BsonDocument info : collections(db, only)) {
                String name = info.getString("name").getValue();
                long n = dumpCollection(db, writer, info);
                counts.put(name, n);
                total += n;
                context.log("dumped " + dbName + "." + name + " (" + n + " documents)");
            }
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("out", out.toString());
            outputs.put("counts", counts);
            outputs.put("total", total);
            return StepResult.ok(outputs);
        } catch (MongoException | IOException | IllegalArgumentException e) {
            return StepResult.failed(context.redact("dump of " + dbName + " to " + out + " failed: " + e.getMessage()));
        }
    }

    private static List<BsonDocument> collections(MongoDatabase db, List<String> only) {
        Map<String, BsonDocument> sorted = new TreeMap<>();
        for (BsonDocument info : db.listCollections(BsonDocument.class)) {
            String name = info.getString("name").getValue();
            boolean system = name.startsWith("system.") && !name.equals("system.js");
            if (!system && (only.isEmpty() || only.contains(name))) {
                sorted.put(name, info);
            }
        }
        return new ArrayList<>(sorted.values());
    }

    private static long dumpCollection(MongoDatabase db, DumpWriter writer, BsonDocument info) throws IOException {
        String name = info.getString("name").getValue();
        String type = info.isString("type") ? info.getString("type").getValue() : "collection";
        BsonDocument options = info.isDocument("options") ? info.getDocument("options") : new BsonDocument();
        List<BsonDocument> indexes = new ArrayList<>();
        long n = 0;
        if (!type.equals("view")) {
            db.getCollection(name).listIndexes(BsonDocument.class).into(indexes);
            try (DumpWriter.DataFile data = writer.data(name)) {
                // an explicit batch size: mongo-java-server otherwise answers a find with every document at once
                for (RawBsonDocument doc :
                        db.getCollection(name, RawBsonDocument.class).find().batchSize(1000)) {
                    data.write(doc.getByteBuffer().asNIO());
                }
                n = data.documents();
            }
        }
        writer.metadata(new CollectionMetadata(options, indexes, uuid(info), name, type));
        return n;
    }

    private static String uuid(BsonDocument info) {
        BsonValue v = info.isDocument("info") ? info.getDocument("info").get("uuid") : null;
        return v != null && v.isBinary() ? HexFormat.of().formatHex(v.asBinary().getData()) : "";
    }
}
