package dev.runbook.stdlib.mongo;

import static dev.runbook.stdlib.mongo.MongoTestSupport.args;
import static dev.runbook.stdlib.mongo.MongoTestSupport.fixture;
import static dev.runbook.stdlib.mongo.MongoTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.testing.TestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every usable mongodump fixture of mongo-tools, restored into mongo-java-server, with the README's counts. */
class MongoRestoreFixturesTest {
    @RegisterExtension
    static final MongoServerExtension MONGO = new MongoServerExtension();

    @TempDir
    Path work;

    private final MongoRestoreStep step = new MongoRestoreStep();

    private StepResult restore(Object... more) throws InterruptedException {
        Map<String, Object> given = map("uri", MONGO.uri());
        given.putAll(map(more));
        StepResult result = step.execute(args(step, given), new TestContext(work));
        assertTrue(result.isOk(), () -> "restore failed: " + result.message());
        return result;
    }

    private Map<String, Long> counts(String db) {
        Map<String, Long> out = new TreeMap<>();
        for (String name : MONGO.client().getDatabase(db).listCollectionNames()) {
            out.put(name, MONGO.client().getDatabase(db).getCollection(name).countDocuments());
        }
        return out;
    }

    private Map<String, BsonDocument> indexKeys(String db, String coll) {
        Map<String, BsonDocument> out = new TreeMap<>();
        for (BsonDocument spec :
                MONGO.client().getDatabase(db).getCollection(coll).listIndexes(BsonDocument.class)) {
            out.put(spec.getString("name").getValue(), spec.getDocument("key"));
        }
        return out;
    }

    @Test
    void testdirsRestoresEveryCollectionAndSkipsJunk() throws Exception {
        StepResult r = restore("from", fixture("testdirs").toString());
        assertEquals(110L, r.outputs().get("expected"));
        assertEquals(110L, r.outputs().get("restored"));
        assertEquals(0L, r.outputs().get("failures"));
        assertEquals(Map.of("c1", 100L, "c2", 0L, "c3", 0L, "c4", 10L), counts("db1"));
        assertEquals(Map.of("c1", 0L), counts("db2"));
        String skipped = String.join("\n", strings(r.outputs().get("skipped")));
        assertTrue(skipped.contains("badfile.txt"), skipped);
        assertTrue(skipped.contains("c2.txt"), skipped);
        assertTrue(skipped.contains("baddir"), skipped);
        assertTrue(skipped.contains("oplog"), skipped);
    }

    @Test
    void collectionWithIndexGetsItsSecondaryIndex() throws Exception {
        StepResult r = restore("from", fixture("coll_with_index").toString());
        assertEquals(1L, r.outputs().get("restored"));
        Map<String, BsonDocument> idx = indexKeys("test", "foo");
        assertEquals(List.of("_id_", "f_1"), new ArrayList<>(idx.keySet()));
        assertEquals(BsonDocument.parse("{f: {$numberDouble: '1.0'}}"), idx.get("f_1"));
    }

    @Test
    void ttlIndexKeepsExpireAfterSeconds() throws Exception {
        restore("from", fixture("coll_with_ttl_index").toString());
        BsonDocument f1 = null;
        for (BsonDocument spec :
                MONGO.client().getDatabase("test").getCollection("foo").listIndexes(BsonDocument.class)) {
            f1 = spec.getString("name").getValue().equals("f_1") ? spec : f1;
        }
        assertEquals(1000, f1.getNumber("expireAfterSeconds").intValue());
    }

    @Test
    void collectionWithoutIndexHasOnlyId() throws Exception {
        restore("from", fixture("coll_without_index").toString());
        assertEquals(List.of("_id_"), new ArrayList<>(indexKeys("test", "foo").keySet()));
        assertEquals(Map.of("foo", 1L), counts("test"));
    }

    @Test
    void olderMetadataWithNsInIndexSpecs() throws Exception {
        restore("from", fixture("foodump").toString());
        assertEquals(Map.of("foo", 1L), counts("test"));
    }

    @Test
    void indexWithOddKeyTypes() throws Exception {
        StepResult r = restore("from", fixture("indextestdump").toString());
        assertEquals(100L, r.outputs().get("restored"));
        Map<String, BsonDocument> idx = indexKeys("indextest", "test_collection");
        assertEquals(List.of("_id_", "a_1_b_true"), new ArrayList<>(idx.keySet()));
        assertEquals(BsonDocument.parse("{a: 1.0, b: true, c: {$numberDecimal: '0'}, d: ''}"), idx.get("a_1_b_true"));
    }

    @Test
    void escapedNameIsUnescaped() throws Exception {
        restore("from", fixture("specialcharacter").toString());
        assertEquals(Map.of("cafés", 1L), counts("db1"));
    }

    @Test
    void truncatedLongNameIsReadFromMetadata() throws Exception {
        String longName =
                "aVery" + "Very".repeat(43) + "LongCollectionNameConsistingOfExactlyTwoHundredAndFortySevenCharacters";
        assertEquals(247, longName.length());
        StepResult planned = restore("from", fixture("longcollectionname").toString(), "dry_run", true);
        assertEquals(
                List.of(map("ns", "db1." + longName, "expected", 1L, "restored", 0L, "failures", 0L)),
                planned.outputs().get("collections"));
        assertTrue(
                String.join("\n", strings(planned.outputs().get("skipped"))).contains("someMadeUpInvalidHashString"));
        // mongo-java-server caps namespaces at 128 bytes (MongoDB 4.4+ allows 255), so restore it under a shorter name
        restore(
                "from",
                fixture("longcollectionname").toString(),
                "ns_from",
                List.of("db1." + longName),
                "ns_to",
                List.of("db1.long"));
        assertEquals(Map.of("long", 1L), counts("db1"));
    }

    @Test
    void preludeDumpsAreRestored() throws Exception {
        for (String dir : List.of("prelude_top_level", "prelude_db_target", "server_version_unknown")) {
            StepResult r = restore("from", fixture("prelude_test/" + dir).toString(), "drop", true);
            assertEquals(1L, r.outputs().get("restored"), dir);
        }
        assertEquals(Map.of("foo", 1L), counts("test"));
    }

    @Test
    void gzipDumpIsDetected() throws Exception {
        StepResult r = restore("from", fixture("prelude_test/prelude_gzip").toString());
        assertEquals(1L, r.outputs().get("restored"));
        assertEquals(Map.of("foo", 1L), counts("test"));
    }

    @Test
    void gzipFalseSkipsGzippedFiles() throws Exception {
        Map<String, Object> given = map(
                "uri", MONGO.uri(), "from", fixture("prelude_test/prelude_gzip").toString(), "gzip", false);
        StepResult r = step.execute(args(step, given), new TestContext(work));
        assertTrue(!r.isOk() && r.message().contains("nothing to restore"), r.message());
    }

    @Test
    void duplicateIndexKeysAreConvertedOnRequest() throws Exception {
        StepResult r = restore("from", fixture("duplicate_index_key").toString(), "convert_legacy_indexes", true);
        assertEquals(0L, r.outputs().get("expected"));
        Map<String, BsonDocument> idx = indexKeys("indextest", "duplicate_index_key");
        assertEquals(List.of("_id_", "foo_"), new ArrayList<>(idx.keySet()));
        assertEquals(BsonDocument.parse("{foo: 1}"), idx.get("foo_"));
    }

    @Test
    void oplogDumpRestoresDataAndSkipsSystemAndOplog() throws Exception {
        StepResult r = restore("from", fixture("oplogdump").toString());
        assertEquals(5L, r.outputs().get("restored"));
        assertEquals(Map.of("c1", 5L), counts("db1"));
        String skipped = String.join("\n", strings(r.outputs().get("skipped")));
        assertTrue(skipped.contains("admin.system.version"), skipped);
        assertTrue(skipped.contains("oplog"), skipped);
    }

    @Test
    void singleBsonFileWithHashedIndexes() throws Exception {
        StepResult r = restore("from", fixture("hashedIndexes.bson").toString(), "db", "test");
        assertEquals(2L, r.outputs().get("restored"));
        Map<String, BsonDocument> idx = indexKeys("test", "hashedIndexes");
        assertEquals(List.of("_id_", "a.a_1", "a.b_hashed", "b_hashed"), new ArrayList<>(idx.keySet()));
        assertEquals(BsonDocument.parse("{b: 'hashed'}"), idx.get("b_hashed"));
    }

    @Test
    void archiveOfServer34() throws Exception {
        StepResult r = restore("from", fixture("test.bar.archive").toString());
        assertEquals(1L, r.outputs().get("expected"));
        assertEquals(1L, r.outputs().get("restored"));
        assertEquals(Map.of("bar", 1L), counts("test"));
        assertTrue(String.join("\n", strings(r.outputs().get("skipped"))).contains("admin.system.version"));
    }

    @Test
    void archiveWithOplog() throws Exception {
        StepResult r = restore("from", fixture("dump-w-oplog.archive").toString(), "archive", true);
        assertEquals(25L, r.outputs().get("restored"));
        assertEquals(Map.of("foo", 25L), counts("test"));
        assertEquals(
                List.of(map("ns", "test.foo", "expected", 25L, "restored", 25L, "failures", 0L)),
                r.outputs().get("collections"));
    }

    @Test
    void targetDbAndRenames() throws Exception {
        restore(
                "from",
                fixture("testdirs").toString(),
                "ns_include",
                List.of("db1.c*"),
                "ns_exclude",
                List.of("db1.c2", "db1.c3"),
                "ns_from",
                List.of("db1.*"),
                "ns_to",
                List.of("other.x_*"));
        assertEquals(Map.of("x_c1", 100L, "x_c4", 10L), counts("other"));
        assertEquals(Map.of(), counts("db1"));
        restore("from", fixture("dump-w-oplog.archive").toString(), "db", "moved");
        assertEquals(Map.of("foo", 25L), counts("moved"));
    }

    @Test
    void restoringTwiceWithoutDropCountsDuplicatesAsFailures() throws Exception {
        restore("from", fixture("testdirs/db1").toString(), "db", "dup");
        StepResult again = restore("from", fixture("testdirs/db1").toString(), "db", "dup");
        assertEquals(110L, again.outputs().get("expected"));
        assertEquals(0L, again.outputs().get("restored"));
        assertEquals(110L, again.outputs().get("failures"));
        StepResult dropped = restore("from", fixture("testdirs/db1").toString(), "db", "dup", "drop", true);
        assertEquals(110L, dropped.outputs().get("restored"));
        assertEquals(0L, dropped.outputs().get("failures"));
    }

    @Test
    void dropLeavesOtherCollectionsAlone() throws Exception {
        MONGO.client().getDatabase("db1").getCollection("keep").insertOne(new Document("x", 1));
        MONGO.client().getDatabase("db1").getCollection("c1").insertOne(new Document("stale", true));
        restore("from", fixture("testdirs").toString(), "drop", true, "ns_include", List.of("db1.*"));
        assertEquals(1L, MONGO.client().getDatabase("db1").getCollection("keep").countDocuments());
        assertEquals(100L, counts("db1").get("c1"));
    }

    @Test
    void dryRunChangesNothing() throws Exception {
        StepResult r = restore("from", fixture("testdirs").toString(), "dry_run", true, "drop", true);
        assertEquals(110L, r.outputs().get("expected"));
        assertEquals(0L, r.outputs().get("restored"));
        assertEquals(Map.of(), counts("db1"));
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        ((List<?>) list).forEach(o -> out.add(String.valueOf(o)));
        return out;
    }
}
