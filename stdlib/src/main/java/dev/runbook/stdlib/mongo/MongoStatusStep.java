package dev.runbook.stdlib.mongo;

import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.ServerMonitoringMode;
import com.mongodb.event.ConnectionClosedEvent;
import com.mongodb.event.ConnectionCreatedEvent;
import com.mongodb.event.ConnectionPoolListener;
import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * {@code mongo.status}: the parts of {@code serverStatus} a runbook checks (connections, version, uptime), and how
 * many connections other clients hold: what "verify no connections" means once the application is stopped. The
 * step's own client holds several connections (its pool and its monitor), so {@code connections.current} is never
 * 0 or 1 on a real server; {@code others} leaves them out. It comes from {@code $currentOp} with idle connections,
 * where this client is known by a name of its own; where the server refuses that (no {@code inprog} privilege, or a
 * server without the stage), from {@code serverStatus} minus this client's connections. {@code source} says which.
 */
public final class MongoStatusStep implements StepType {
    static final String CURRENT_OP = "currentOp";
    static final String SERVER_STATUS = "serverStatus";

    @Override
    public String name() {
        return "mongo.status";
    }

    @Override
    public String summary() {
        return "Read serverStatus and the connections of other clients: open connections, version, uptime";
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
                OutputSpec.of(
                        "others",
                        Type.INT,
                        "connections held by other clients than this step (wait for 0 before a restore)"),
                OutputSpec.of(
                        "others_by_app",
                        Type.MAP,
                        "appName (or `(no appName) <host>`) -> connections, from $currentOp; empty from serverStatus"),
                OutputSpec.of("own", Type.INT, "connections of this step's own client, left out of others"),
                OutputSpec.of(
                        "source",
                        Type.STRING,
                        "where others comes from: currentOp ($currentOp with idle connections) or serverStatus"
                                + " (connections.current minus own, where the server refuses $currentOp)"),
                OutputSpec.of("version", Type.STRING, "server version"),
                OutputSpec.of("uptime", Type.DURATION, "time since the server started"));
    }

    @Override
    public String describe(Args args) {
        return "read serverStatus and the connections of other clients of " + args.show("uri");
    }

    @Override
    public List<String> found(Map<String, Object> outputs) {
        Object others = outputs.get("others");
        if (others == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(others + " connection(s) from other clients (from " + outputs.get("source") + ")");
        if (outputs.get("others_by_app") instanceof Map<?, ?> byApp) {
            byApp.forEach((app, n) -> lines.add("  " + app + ": " + n));
        }
        return lines;
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        String ownApp = "runbook mongo.status " + UUID.randomUUID();
        PoolCount pool = new PoolCount();
        // polling monitors: one monitoring connection per server, none for round trips, so own is known
        try (MongoClient client = MongoConnection.open(
                args.string("uri"),
                s -> s.applicationName(ownApp)
                        .applyToServerSettings(server -> server.serverMonitoringMode(ServerMonitoringMode.POLL))
                        .applyToConnectionPoolSettings(p -> p.addConnectionPoolListener(pool)))) {
            BsonDocument status = client.getDatabase("admin")
                    .runCommand(new BsonDocument("serverStatus", new BsonInt32(1)), BsonDocument.class);
            Map<String, Object> connections = numbers(status.get("connections"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("connections", connections);
            OtherConnections others;
            String source = CURRENT_OP;
            try {
                others = OtherConnections.of(currentOp(client), ownApp);
            } catch (MongoServerException e) {
                context.log("$currentOp refused (" + e.getMessage() + "): counting from serverStatus");
                long current = connections.get("current") instanceof Long n ? n : 0L;
                others = new OtherConnections(Math.max(0, current - pool.open() - 1), Map.of());
                source = SERVER_STATUS;
            }
            out.put("others", others.count());
            out.put("others_by_app", others.byApp());
            out.put("own", pool.open() + 1);
            out.put("source", source);
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

    private static List<BsonDocument> currentOp(MongoClient client) {
        BsonDocument stage = new BsonDocument("allUsers", BsonBoolean.TRUE)
                .append("idleConnections", BsonBoolean.TRUE)
                .append("idleSessions", BsonBoolean.FALSE);
        BsonDocument project = new BsonDocument("connectionId", new BsonInt32(1))
                .append("client", new BsonInt32(1))
                .append("appName", new BsonInt32(1))
                .append("clientMetadata.driver.name", new BsonInt32(1));
        return client.getDatabase("admin")
                .aggregate(
                        List.of(new BsonDocument("$currentOp", stage), new BsonDocument("$project", project)),
                        BsonDocument.class)
                .into(new ArrayList<>());
    }

    private static Map<String, Object> numbers(BsonValue doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (doc != null && doc.isDocument()) {
            doc.asDocument().forEach((k, v) -> {
                if (v.isNumber()) {
                    out.put(k, v.asNumber().longValue());
                }
            });
        }
        return out;
    }

    /** The connections this step's client has open in its pool. */
    private static final class PoolCount implements ConnectionPoolListener {
        private final AtomicLong open = new AtomicLong();

        @Override
        public void connectionCreated(ConnectionCreatedEvent event) {
            open.incrementAndGet();
        }

        @Override
        public void connectionClosed(ConnectionClosedEvent event) {
            open.decrementAndGet();
        }

        long open() {
            return open.get();
        }
    }
}
