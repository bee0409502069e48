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
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;

/**
 * {@code mongo.import_json}: replaces collections with the content of JSON array files (the seed's vector store
 * rollback). Every file is parsed first; the current content is exported to a snapshot, which the undo puts back.
 */
public final class MongoImportJsonStep implements StepType {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "mongo.import_json";
    }

    @Override
    public String summary() {
        return "Replace collections with JSON array files, keeping a snapshot to undo";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("uri", Type.STRING, "MongoDB connection string"),
                ParamSpec.optional("db", Type.STRING, null, "database (default: the one in the URI)"),
                ParamSpec.required("dir", Type.STRING, "directory holding the files"),
                ParamSpec.optional("collections", Type.MAP, JsonCollections.SEED_FILES, "collection -> file name"),
                ParamSpec.optional(
                        "snapshot_dir",
                        Type.STRING,
                        null,
                        "where the current content is saved first (default: .runbook/snapshots/<step>-<time>)"),
                ParamSpec.optional(
                        "object_ids",
                        Type.BOOL,
                        true,
                        "turn a 24-hex string _id back into an ObjectId (JSON.stringify output)"),
                ParamSpec.optional(
                        "types",
                        Type.MAP,
                        null,
                        "collection -> {field path: date|objectId|long|decimal}: the BSON types that"
                                + " JSON.stringify lost, cast back as the mongoose schema does (chunks[]: an array,"
                                + " a.b: inside a document); a value that does not parse refuses the import before any"
                                + " change. Extended JSON ($oid, $date, $numberLong, $numberDecimal) is typed anyway"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("counts", Type.MAP, "collection -> documents imported"),
                OutputSpec.of("total", Type.INT, "documents imported"),
                OutputSpec.of("snapshot", Type.STRING, "directory with the content as it was before"));
    }

    @Override
    public String describe(Args args) {
        return "replace " + args.show("collections") + " with the files in " + args.show("dir")
                + " (current content saved to a snapshot first)";
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return "put back the snapshot of " + args.show("collections") + " taken before the import";
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        String dbName = MongoConnection.database(args.string("db"), args.string("uri"));
        if (dbName == null) {
            return StepResult.refused("no database: give db, or name one in the URI (mongodb://host/DB)");
        }
        Path dir = context.resolve(args.string("dir"));
        Path snapshot = args.has("snapshot_dir")
                ? context.resolve(args.string("snapshot_dir"))
                : context.resolve(".runbook/snapshots/" + context.stepId() + "-"
                        + STAMP.format(context.clock().instant()));
        try (MongoClient client = MongoConnection.open(args.string("uri"))) {
            JsonCollections json = new JsonCollections(client.getDatabase(dbName), args.stringMap("collections"));
            Map<String, FieldTypes> types;
            try {
                types = FieldTypes.parseAll(args.map("types"));
            } catch (IllegalArgumentException e) {
                return StepResult.refused("bad types, nothing was changed: " + e.getMessage());
            }
            if (!json.undeclared(types).isEmpty()) {
                return StepResult.refused("types names " + json.undeclared(types)
                        + ", which this step does not import (collections: " + args.show("collections")
                        + "), nothing was changed");
            }
            Map<String, List<BsonDocument>> content;
            try {
                content = json.readAll(dir, args.bool("object_ids"), types);
            } catch (IOException e) {
                return StepResult.refused("backup " + dir + " is not usable, nothing was changed: " + e.getMessage());
            }
            json.exportAll(snapshot, true);
            context.log("saved the current collections to " + snapshot);
            Map<String, Object> counts;
            try {
                counts = json.replaceAll(content);
            } catch (MongoException e) {
                String why = "import failed (" + e.getMessage() + "); ";
                try {
                    json.replaceAll(json.readSnapshot(snapshot));
                    // it compensated itself: nothing is left for the engine to undo
                    return StepResult.refused(context.redact(why + "the collections were put back from " + snapshot));
                } catch (IOException | MongoException again) {
                    // the engine's undo tries the snapshot again
                    return StepResult.failed(
                            context.redact(why + "putting back " + snapshot + " failed too: " + again.getMessage()),
                            Map.of("snapshot", snapshot.toString()));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("counts", counts);
            out.put("total", JsonCollections.total(counts));
            out.put("snapshot", snapshot.toString());
            return StepResult.ok(out);
        } catch (MongoException | IOException | IllegalArgumentException e) {
            return StepResult.refused(
                    context.redact("import from " + dir + " failed before any change: " + e.getMessage()));
        }
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) {
        Object snapshot = outputs.get("snapshot");
        if (snapshot == null) {
            return StepResult.failed("no snapshot recorded: nothing to put back");
        }
        String dbName = MongoConnection.database(args.string("db"), args.string("uri"));
        try (MongoClient client = MongoConnection.open(args.string("uri"))) {
            MongoDatabase db = client.getDatabase(dbName);
            JsonCollections json = new JsonCollections(db, args.stringMap("collections"));
            Map<String, Object> counts = json.replaceAll(json.readSnapshot(Path.of(snapshot.toString())));
            context.log("put back " + JsonCollections.total(counts) + " documents from " + snapshot);
            return StepResult.ok(
                    Map.of("counts", counts, "total", JsonCollections.total(counts), "snapshot", snapshot.toString()));
        } catch (MongoException | IOException e) {
            return StepResult.failed(context.redact("undo from " + snapshot + " failed: " + e.getMessage()));
        }
    }
}
