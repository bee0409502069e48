package dev.runbook.stdlib.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * Counting other clients from a $currentOp reply shaped as a real mongod 7.0 gives it (idleConnections: true):
 * mongo-java-server has no $currentOp, so this parsing is tested on a written reply, not a live one.
 */
class OtherConnectionsTest {
    static final String OWN = "runbook mongo.status 0b7e";

    static List<BsonDocument> reply() {
        String json = """
                [
                 {"type": "op", "host": "db1:27017", "desc": "JournalFlusher", "active": false},
                 {"type": "op", "host": "db1:27017", "desc": "conn3", "connectionId": 3, "client": "10.0.0.2:40000",
                  "clientMetadata": {"driver": {"name": "NetworkInterfaceTL-ReplNetwork", "version": "7.0.4"}},
                  "active": false},
                 {"type": "op", "host": "db1:27017", "desc": "conn20", "connectionId": 20, "client": "127.0.0.1:50002",
                  "clientMetadata": {"driver": {"name": "nodejs|Mongoose", "version": "6.3.0|8.0.0"}}, "active": false},
                 {"type": "op", "host": "db1:27017", "desc": "conn21", "connectionId": 21, "client": "127.0.0.1:50004",
                  "clientMetadata": {"driver": {"name": "nodejs|Mongoose", "version": "6.3.0|8.0.0"}}, "active": true,
                  "opid": 9001, "op": "query", "ns": "cryptique.vectordocuments"},
                 {"type": "op", "host": "db1:27017", "desc": "conn21", "connectionId": 21, "client": "127.0.0.1:50004",
                  "active": true, "opid": 9002, "op": "getmore", "ns": "cryptique.vectordocuments"},
                 {"type": "op", "host": "db1:27017", "desc": "conn30", "connectionId": 30, "client": "10.0.0.9:61000",
                  "appName": "mongosh 2.1.1", "clientMetadata": {"application": {"name": "mongosh 2.1.1"},
                  "driver": {"name": "nodejs|mongosh", "version": "6.3.0|2.1.1"}}, "active": false},
                 {"type": "op", "host": "db1:27017", "desc": "conn40", "connectionId": 40, "client": "127.0.0.1:50010",
                  "appName": "%1$s", "clientMetadata": {"driver": {"name": "mongo-java-driver|sync"}}, "active": false},
                 {"type": "op", "host": "db1:27017", "desc": "conn41", "connectionId": 41, "client": "127.0.0.1:50012",
                  "appName": "%1$s", "active": true, "opid": 9003, "op": "command",
                  "command": {"aggregate": 1, "pipeline": [{"$currentOp": {"idleConnections": true}}]}}
                ]
                """.formatted(OWN);
        return BsonArray.parse(json).stream().map(v -> v.asDocument()).toList();
    }

    @Test
    void countsEachOtherClientConnectionOnceAndLeavesOutItsOwnTheServersAndTheClustersConnections() {
        OtherConnections others = OtherConnections.of(reply(), OWN);
        assertEquals(3, others.count());
        assertEquals(Map.of("(no appName) 127.0.0.1", 2L, "mongosh 2.1.1", 1L), others.byApp());
    }

    @Test
    void nothingButItselfIsZero() {
        List<BsonDocument> own = reply().stream()
                .filter(d -> OWN.equals(d.getString("appName", new org.bson.BsonString(""))
                                .getValue())
                        || !d.containsKey("client"))
                .toList();
        assertEquals(0, OtherConnections.of(own, OWN).count());
    }
}
