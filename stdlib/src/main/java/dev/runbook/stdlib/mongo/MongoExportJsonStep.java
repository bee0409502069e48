package dev.runbook.stdlib.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code mongo.export_json}: writes collections as JSON array files, one per collection (vector store backup). */
public final class MongoExportJsonStep implements StepType {
    @Override
    public String name() {
        return "mongo.export_json";
    }

    @Override
    public String summary() {
        return "Export collections to JSON array files (default: the vector store's three files)";
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
                ParamSpec.required("dir", Type.STRING, "directory to write the files to"),
                ParamSpec.optional("collections", Type.MAP, JsonCollections.SEED_FILES, "collection -> file name"),
                ParamSpec.optional(
                        "canonical",
                        Type.BOOL,
                        false,
                        "canonical Extended JSON (exact types) instead of relaxed (mongoexport's default)"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("dir", Type.STRING, "where the files are"),
                OutputSpec.of("counts", Type.MAP, "collection -> documents written"),
                OutputSpec.of("total", Type.INT, "documents written"));
    }

    @Override
    public String describe(Args args) {
        return "export " + args.show("collections") + " to " + args.show("dir");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        String dbName = MongoConnection.database(args.string("db"), args.string("uri"));
        if (dbName == null) {
            return StepResult.failed("no database: give db, or name one in the URI (mongodb://host/DB)");
        }
        Path dir = context.resolve(args.string("dir"));
        try (MongoClient client = MongoConnection.open(args.string("uri"))) {
            Map<String, Object> counts = new JsonCollections(client.getDatabase(dbName), args.stringMap("collections"))
                    .exportAll(dir, args.bool("canonical"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dir", dir.toString());
            out.put("counts", counts);
            out.put("total", JsonCollections.total(counts));
            return StepResult.ok(out);
        } catch (MongoException | IOException | IllegalArgumentException e) {
            return StepResult.failed(context.redact("export to " + dir + " failed: " + e.getMessage()));
        }
    }
}
