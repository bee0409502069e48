package dev.runbook.stdlib.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/** {@code mongo.counts}: documents per collection of one database, sorted by collection name. */
public final class MongoCountsStep implements StepType {
    @Override
    public String name() {
        return "mongo.counts";
    }

    @Override
    public String summary() {
        return "Count the documents of every collection of a database";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("uri", Type.STRING, "MongoDB connection string"),
                ParamSpec.optional("db", Type.STRING, null, "database (default: the one in the URI)"),
                ParamSpec.optional(
                        "exact",
                        Type.BOOL,
                        true,
                        "count with countDocuments (exact); false uses the fast metadata estimate"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("counts", Type.MAP, "collection -> documents, sorted by name"),
                OutputSpec.of("total", Type.INT, "documents in all collections"));
    }

    @Override
    public String describe(Args args) {
        return "count documents per collection in " + (args.has("db") ? args.show("db") : "the URI's database");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        String dbName = MongoConnection.database(args.string("db"), args.string("uri"));
        if (dbName == null) {
            return StepResult.failed("no database: give db, or name one in the URI (mongodb://host/DB)");
        }
        try (MongoClient client = MongoConnection.open(args.string("uri"))) {
            Map<String, Long> counts = count(client.getDatabase(dbName), !args.has("exact") || args.bool("exact"));
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("counts", new LinkedHashMap<String, Object>(counts));
            out.put("total", total);
            return StepResult.ok(out);
        } catch (MongoException | IllegalArgumentException e) {
            return StepResult.failed(context.redact("counting documents in " + dbName + " failed: " + e.getMessage()));
        }
    }

    /** Collections (not views, not system ones) and their counts, sorted by name. */
    static Map<String, Long> count(MongoDatabase db, boolean exact) {
        List<String> names = new ArrayList<>();
        for (Document info : db.listCollections()) {
            String name = info.getString("name");
            if (!"view".equals(info.getString("type")) && !name.startsWith("system.")) {
                names.add(name);
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String name : names) {
            MongoCollection<Document> coll = db.getCollection(name);
            counts.put(name, exact ? coll.countDocuments() : coll.estimatedDocumentCount());
        }
        return counts;
    }

    @Override
    public List<String> found(Map<String, Object> outputs) {
        List<String> out = new ArrayList<>();
        Map<?, ?> counts = (Map<?, ?>) outputs.getOrDefault("counts", Map.of());
        counts.forEach((name, n) -> {
            if (out.size() < 10) {
                out.add(name + ": " + n);
            }
        });
        if (counts.size() > 10) {
            out.add("... " + (counts.size() - 10) + " more collections");
        }
        out.add("total: " + outputs.get("total"));
        return out;
    }
}
