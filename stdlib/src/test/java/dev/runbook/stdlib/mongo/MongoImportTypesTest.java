package dev.runbook.stdlib.mongo;

import static dev.runbook.stdlib.mongo.MongoTestSupport.args;
import static dev.runbook.stdlib.mongo.MongoTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.runbook.spi.StepResult;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * mongo.import_json gives declared fields their BSON types back (dates, references, arrays of references, longs,
 * decimals), as mongoose does when the seed's script inserts JSON.stringify output, reads Extended JSON as
 * mongoexport writes it, and refuses a value that is not of its declared type before anything is deleted.
 */
class MongoImportTypesTest {
    @RegisterExtension
    static final MongoServerExtension MONGO = new MongoServerExtension();

    static final String DOC = "65a1b2c3d4e5f60718293a4b";
    static final String CHUNK_1 = "65a1b2c3d4e5f60718293a01";
    static final String CHUNK_2 = "65a1b2c3d4e5f60718293a02";
    static final String JOB = "65a1b2c3d4e5f60718293a4d";

    /** What the vector-restore runbook declares, in small. */
    static final Map<String, Object> TYPES = map(
            "vectordocuments",
            map(
                    "createdAt", "date",
                    "jobId", "objectId",
                    "chunks[]", "objectId",
                    "metadata.indexedAt", "date",
                    "sections[].updatedAt", "date"),
            "embeddingjobs",
            map("documents[]", "objectId", "startedAt", "date", "completedAt", "date", "tokens", "long"),
            "embeddingstats",
            map("date", "date", "totalCost", "decimal", "avgCost", "decimal"));

    @TempDir
    Path work;

    private MongoDatabase db;

    @BeforeEach
    void current() {
        db = MONGO.client().getDatabase("app");
        db.getCollection("vectordocuments").insertOne(new Document("_id", "old-doc"));
        db.getCollection("embeddingjobs").insertOne(new Document("_id", "old-job"));
        db.getCollection("embeddingstats").insertOne(new Document("_id", "old-stats"));
    }

    /** The seed's backup: JSON.stringify of mongoose documents, so dates and references are strings. */
    private Path stringifiedBackup() throws Exception {
        Path dir = Files.createDirectories(work.resolve("vectors_20260101_000000"));
        Files.writeString(dir.resolve("vector_documents.json"), """
                [{"_id":"%s","text":"hello","embedding":[0.1,0.2],"jobId":"%s","chunks":["%s","%s"],
                  "createdAt":"2026-01-01T10:00:00.000Z","metadata":{"source":"faq","indexedAt":"2026-01-02T03:04:05.678Z"},
                  "sections":[{"title":"a","updatedAt":"2026-01-03T00:00:00.000Z"},{"title":"b"}],"__v":0},
                 {"_id":"65a1b2c3d4e5f60718293a4c","text":"no optional fields","chunks":[],"createdAt":null}]
                """.formatted(DOC, JOB, CHUNK_1, CHUNK_2));
        Files.writeString(dir.resolve("embedding_jobs.json"), """
                [{"_id":"%s","status":"done","documents":["%s"],"startedAt":"2026-01-01T09:00:00.000Z",
                  "completedAt":"2026-01-01T09:30:00+01:00","tokens":12}]
                """.formatted(JOB, DOC));
        Files.writeString(dir.resolve("embedding_stats.json"), """
                [{"_id":"65a1b2c3d4e5f60718293a4e","date":"2026-01-01","totalCost":{"$numberDecimal":"0.1234"},
                  "avgCost":0.1}]
                """);
        return dir;
    }

    private StepResult importWith(Path backup, Map<String, Object> types) {
        MongoImportJsonStep step = new MongoImportJsonStep();
        Map<String, Object> given = map(
                "uri",
                MONGO.uri() + "/app",
                "dir",
                backup.toString(),
                "snapshot_dir",
                work.resolve("snap").toString());
        if (types != null) {
            given.put("types", types);
        }
        return step.execute(args(step, given), new TestContext(work));
    }

    private BsonDocument read(String collection, String id) {
        MongoCollection<BsonDocument> coll = db.getCollection(collection, BsonDocument.class);
        return coll.find(Filters.eq("_id", new ObjectId(id))).first();
    }

    @Test
    void declaredFieldsComeBackWithTheirBsonTypes() throws Exception {
        StepResult r = importWith(stringifiedBackup(), TYPES);
        assertTrue(r.isOk(), r.message());

        BsonDocument doc = read("vectordocuments", DOC);
        assertEquals(BsonType.DATE_TIME, doc.get("createdAt").getBsonType(), doc.toJson());
        assertEquals(
                Instant.parse("2026-01-01T10:00:00Z").toEpochMilli(),
                doc.getDateTime("createdAt").getValue());
        assertEquals(new ObjectId(JOB), doc.getObjectId("jobId").getValue());
        assertEquals(
                new ObjectId(CHUNK_1),
                doc.getArray("chunks").get(0).asObjectId().getValue());
        assertEquals(
                new ObjectId(CHUNK_2),
                doc.getArray("chunks").get(1).asObjectId().getValue());
        assertEquals(
                BsonType.DATE_TIME, doc.getDocument("metadata").get("indexedAt").getBsonType());
        assertEquals("faq", doc.getDocument("metadata").getString("source").getValue());
        BsonDocument section = doc.getArray("sections").get(0).asDocument();
        assertEquals(BsonType.DATE_TIME, section.get("updatedAt").getBsonType());
        assertEquals(BsonType.STRING, doc.get("text").getBsonType(), "undeclared fields stay as they are");
        assertEquals(
                BsonType.NULL,
                read("vectordocuments", "65a1b2c3d4e5f60718293a4c")
                        .get("createdAt")
                        .getBsonType());

        BsonDocument job = read("embeddingjobs", JOB);
        assertEquals(
                new ObjectId(DOC), job.getArray("documents").get(0).asObjectId().getValue());
        assertEquals(
                Instant.parse("2026-01-01T08:30:00Z").toEpochMilli(),
                job.getDateTime("completedAt").getValue());
        assertEquals(BsonType.INT64, job.get("tokens").getBsonType());

        BsonDocument stats = read("embeddingstats", "65a1b2c3d4e5f60718293a4e");
        assertEquals(
                Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(),
                stats.getDateTime("date").getValue());
        assertEquals(
                Decimal128.parse("0.1234"), stats.getDecimal128("totalCost").getValue());
        assertEquals(Decimal128.parse("0.1"), stats.getDecimal128("avgCost").getValue());

        // what the app does with them: a date range and a reference lookup match again
        assertEquals(
                1,
                db.getCollection("vectordocuments")
                        .countDocuments(Filters.gte("createdAt", Date.from(Instant.parse("2026-01-01T00:00:00Z")))));
        assertEquals(
                1, db.getCollection("vectordocuments").countDocuments(Filters.eq("chunks", new ObjectId(CHUNK_2))));
        assertEquals(1, db.getCollection("embeddingjobs").countDocuments(Filters.eq("documents", new ObjectId(DOC))));
    }

    @Test
    void withoutDeclarationsDatesAndReferencesStayStrings() throws Exception {
        StepResult r = importWith(stringifiedBackup(), null);
        assertTrue(r.isOk(), r.message());
        BsonDocument doc = read("vectordocuments", DOC);
        assertEquals(BsonType.STRING, doc.get("createdAt").getBsonType());
        assertEquals(BsonType.STRING, doc.get("jobId").getBsonType());
    }

    @Test
    void aValueThatIsNotItsDeclaredTypeChangesNothing() throws Exception {
        Path backup = stringifiedBackup();
        Files.writeString(
                backup.resolve("embedding_jobs.json"),
                "[{\"_id\":\"" + JOB + "\",\"documents\":[]},"
                        + "{\"_id\":\"65a1b2c3d4e5f60718293a4f\",\"documents\":[\"" + DOC + "\",\"doc-2\"]}]");
        StepResult r = importWith(backup, TYPES);
        assertFalse(r.isOk());
        assertTrue(
                r.outputs().isEmpty() || !r.outputs().containsKey("snapshot"),
                r.outputs().toString());
        String m = r.message();
        assertTrue(m.contains("embedding_jobs.json: document 1, field documents[1]: \"doc-2\" is not an objectId"), m);
        assertTrue(m.contains("nothing was changed"), m);
        assertFalse(Files.exists(work.resolve("snap")), "no snapshot: nothing was about to change");
        assertEquals(
                "old-doc", db.getCollection("vectordocuments").find().first().get("_id"));
        assertEquals("old-job", db.getCollection("embeddingjobs").find().first().get("_id"));
    }

    @Test
    void aBadDateOrANonArrayIsNamedWithItsPlace() throws Exception {
        Path backup = stringifiedBackup();
        Files.writeString(
                backup.resolve("embedding_stats.json"),
                "[{\"_id\":\"65a1b2c3d4e5f60718293a4e\",\"date\":\"yesterday\"}]");
        StepResult r = importWith(backup, TYPES);
        assertFalse(r.isOk());
        assertTrue(
                r.message().contains("embedding_stats.json: document 0, field date: \"yesterday\" is not a date"),
                r.message());

        Files.writeString(backup.resolve("embedding_stats.json"), "[]");
        Files.writeString(
                backup.resolve("embedding_jobs.json"), "[{\"_id\":\"" + JOB + "\",\"documents\":\"" + DOC + "\"}]");
        r = importWith(backup, TYPES);
        assertFalse(r.isOk());
        assertTrue(r.message().contains("document 0, field documents: declared an array"), r.message());
        assertEquals(1L, db.getCollection("embeddingjobs").countDocuments());
    }

    @Test
    void extendedJsonAsMongoexportWritesItCanonicalAndRelaxed() throws Exception {
        Path dir = Files.createDirectories(work.resolve("export"));
        Files.writeString(dir.resolve("vector_documents.json"), """
                [{"_id":{"$oid":"%s"},"jobId":{"$oid":"%s"},"createdAt":{"$date":{"$numberLong":"1767261600000"}},
                  "chunks":[{"$oid":"%s"}],"size":{"$numberLong":"5"},"score":{"$numberDecimal":"1.50"}}]
                """.formatted(DOC, JOB, CHUNK_1));
        Files.writeString(dir.resolve("embedding_jobs.json"), """
                [{"_id":{"$oid":"%s"},"startedAt":{"$date":"2026-01-01T09:00:00Z"},"tokens":12,
                  "documents":[{"$oid":"%s"}]}]
                """.formatted(JOB, DOC));
        Files.writeString(dir.resolve("embedding_stats.json"), "[]");
        StepResult r = importWith(dir, TYPES);
        assertTrue(r.isOk(), r.message());

        BsonDocument doc = read("vectordocuments", DOC); // canonical
        assertEquals(
                Instant.parse("2026-01-01T10:00:00Z").toEpochMilli(),
                doc.getDateTime("createdAt").getValue());
        assertEquals(new ObjectId(JOB), doc.getObjectId("jobId").getValue());
        assertEquals(BsonType.OBJECT_ID, doc.getArray("chunks").get(0).getBsonType());
        assertEquals(BsonType.INT64, doc.get("size").getBsonType(), "undeclared, but typed in the file");
        assertEquals(Decimal128.parse("1.50"), doc.getDecimal128("score").getValue());
        BsonDocument job = read("embeddingjobs", JOB); // relaxed: a long within int range is a plain number
        assertEquals(
                Instant.parse("2026-01-01T09:00:00Z").toEpochMilli(),
                job.getDateTime("startedAt").getValue());
        assertEquals(BsonType.INT64, job.get("tokens").getBsonType(), "declared long");
    }

    @Test
    void aMistakenDeclarationIsRefusedBeforeAnyChange() throws Exception {
        Path backup = stringifiedBackup();
        StepResult unknownType = importWith(backup, map("vectordocuments", map("createdAt", "datetime")));
        assertFalse(unknownType.isOk());
        assertTrue(
                unknownType.message().contains("types.vectordocuments[\"createdAt\"]: unknown type `datetime`"),
                unknownType.message());
        StepResult badPath = importWith(backup, map("vectordocuments", map("chunks[0]", "objectId")));
        assertFalse(badPath.isOk());
        assertTrue(badPath.message().contains("`chunks[0]` is not a field path"), badPath.message());
        StepResult otherCollection = importWith(backup, map("vectordocument", map("createdAt", "date")));
        assertFalse(otherCollection.isOk());
        assertTrue(otherCollection.message().contains("types names [vectordocument]"), otherCollection.message());
        assertEquals(
                "old-doc", db.getCollection("vectordocuments").find().first().get("_id"));
        assertFalse(Files.exists(work.resolve("snap")));
    }
}
