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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** {@code mongo.ping}: runs {@code ping} on the server and measures the round trip. */
public final class MongoPingStep implements StepType {
    @Override
    public String name() {
        return "mongo.ping";
    }

    @Override
    public String summary() {
        return "Check that a MongoDB server answers, and how fast";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.required("uri", Type.STRING, "MongoDB connection string"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("ok", Type.BOOL, "the server answered ping"),
                OutputSpec.of("latency", Type.DURATION, "round trip of the ping command"));
    }

    @Override
    public String describe(Args args) {
        return "ping MongoDB at " + args.show("uri");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        try (MongoClient client = MongoConnection.open(args.string("uri"))) {
            String db = MongoConnection.database(null, args.string("uri"));
            client.getDatabase(db == null ? "admin" : db).runCommand(new Document("ping", 1));
            long start = System.nanoTime();
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            out.put("latency", Duration.ofNanos(System.nanoTime() - start));
            return StepResult.ok(out);
        } catch (MongoException | IllegalArgumentException e) {
            return StepResult.failed(
                    context.redact("MongoDB did not answer ping: " + e.getMessage()),
                    Map.of("ok", false, "latency", Duration.ZERO));
        }
    }
}
