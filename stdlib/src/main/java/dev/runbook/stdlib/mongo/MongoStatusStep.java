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
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/** {@code mongo.status}: the parts of {@code serverStatus} a runbook checks (connections, version, uptime). */
public final class MongoStatusStep implements StepType {
    @Override
    public String name() {
        return "mongo.status";
    }

    @Override
    public String summary() {
        return "Read serverStatus: open connections, version, uptime";
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
                OutputSpec.of("connections", Type.MAP, "serverStatus.connections: current, available, totalCreated"),
                OutputSpec.of("version", Type.STRING, "server version"),
                OutputSpec.of("uptime", Type.DURATION, "time since the server started"));
    }

    @Override
    public String describe(Args args) {
        return "read serverStatus of " + args.show("uri");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        try (MongoClient client = MongoConnection.open(args.string("uri"))) {
            BsonDocument status = client.getDatabase("admin")
                    .runCommand(new BsonDocument("serverStatus", new BsonInt32(1)), BsonDocument.class);
            Map<String, Object> connections = new LinkedHashMap<>();
            BsonValue conn = status.get("connections");
            if (conn != null && conn.isDocument()) {
                conn.asDocument().forEach((k, v) -> {
                    if (v.isNumber()) {
                        connections.put(k, v.asNumber().longValue());
                    }
                });
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("connections", connections);
            out.put(
                    "version",
                    status.isString("version") ? status.getString("version").getValue() : "");
            BsonValue uptime = status.get("uptime");
            out.put(
                    "uptime",
                    uptime != null && uptime.isNumber()
                            ? Duration.ofMillis((long) (uptime.asNumber().doubleValue() * 1000))
                            : Duration.ZERO);
            return StepResult.ok(out);
        } catch (MongoException | IllegalArgumentException e) {
            return StepResult.failed(context.redact("serverStatus failed: " + e.getMessage()));
        }
    }
}
