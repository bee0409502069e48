package dev.runbook.stdlib.mongo;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The client connections of a {@code $currentOp} reply ({@code idleConnections: true}) that are not the runbook's
 * own: one per connection, counted by application name. Left out: the caller's connections (its {@code appName}),
 * the server's own threads (no {@code client}) and connections between cluster members (replication, sharding),
 * whose driver is the server's internal one.
 */
record OtherConnections(long count, Map<String, Object> byApp) {
    /** Driver names that cluster members announce when they connect to each other. */
    private static final List<String> INTERNAL_DRIVERS = List.of("NetworkInterfaceTL", "MongoDB Internal Client");

    OtherConnections {
        byApp = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byApp));
    }

    static OtherConnections of(Iterable<BsonDocument> ops, String ownApp) {
        Set<String> seen = new HashSet<>();
        Map<String, Object> byApp = new TreeMap<>();
        for (BsonDocument op : ops) {
            String client = text(op.get("client"));
            if (client == null || ownApp.equals(text(op.get("appName"))) || internal(op)) {
                continue;
            }
            BsonValue id = op.get("connectionId");
            if (!seen.add(id != null && id.isNumber() ? "conn" + id.asNumber().longValue() : client)) {
                continue; // one connection running several operations
            }
            byApp.merge(label(op, client), 1L, (a, b) -> (Long) a + (Long) b);
        }
        return new OtherConnections(seen.size(), byApp);
    }

    private static boolean internal(BsonDocument op) {
        BsonValue meta = op.get("clientMetadata");
        if (meta == null || !meta.isDocument() || !meta.asDocument().isDocument("driver")) {
            return false;
        }
        String driver = text(meta.asDocument().getDocument("driver").get("name"));
        return driver != null && INTERNAL_DRIVERS.stream().anyMatch(driver::startsWith);
    }

    /** The application name, or where the connection comes from when the client gave none. */
    private static String label(BsonDocument op, String client) {
        String app = text(op.get("appName"));
        if (app != null && !app.isEmpty()) {
            return app;
        }
        int colon = client.lastIndexOf(':');
        return "(no appName) " + (colon > 0 ? client.substring(0, colon) : client);
    }

    private static String text(BsonValue v) {
        return v != null && v.isString() ? v.asString().getValue() : null;
    }
}
