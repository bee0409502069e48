package dev.runbook.stdlib.mongo;

import static dev.runbook.stdlib.mongo.MongoTestSupport.args;
import static dev.runbook.stdlib.mongo.MongoTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import dev.runbook.spi.StepResult;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The vector store backup: JSON array files in, a snapshot kept, the undo puts it back. */
class MongoJsonStepsTest {
    @RegisterExtension
    static final MongoServerExtension MONGO = new MongoServerExtension();

    @TempDir
    Path work;

    private MongoDatabase db;

    @BeforeEach
    void current() {
        db = MONGO.client().getDatabase("app");
        db.getCollection("vectordocuments").insertOne(new Document("_id", "old-doc").append("embedding", List.of(0.5)));
        db.getCollection("embeddingjobs").insertOne(new Document("_id", "old-job"));
        db.getCollection("embeddingstats").insertOne(new Document("_id", "old-stats"));
    }

    private Path seedBackup() throws Exception {
        Path dir = Files.createDirectories(work.resolve("vectors_20260101_000000"));
        Files.writeString(
                dir.resolve("vector_documents.json"),
                "[{\"_id\":\"65a1b2c3d4e5f60718293a4b\","
                        + "\"text\":\"hello\",\"embedding\":[0.1,0.2,-0.3],\"createdAt\":\"2026-01-01T00:00:00.000Z\"},"
                        + "{\"_id\":\"65a1b2c3d4e5f60718293a4c\",\"text\":\"world\",\"embedding\":[1.0,2.0]}]");
        Files.writeString(
                dir.resolve("embedding_jobs.json"), "[{\"_id\":\"65a1b2c3d4e5f60718293a4d\",\"status\":\"done\"}]");
        Files.writeString(dir.resolve("embedding_stats.json"), "[]");
        return dir;
    }

    @Test
    void importReplacesAndUndoPutsBack() throws Exception {
        Path backup = seedBackup();
        MongoImportJsonStep step = new MongoImportJsonStep();
        var args = args(step, map("uri", MONGO.uri() + "/app", "dir", backup.toString()));
        TestContext context = new TestContext(work);
        StepResult r = step.execute(args, context);
        assertTrue(r.isOk(), r.message());
        assertEquals(
                Map.of("vectordocuments", 2L, "embeddingjobs", 1L, "embeddingstats", 0L),
                r.outputs().get("counts"));
        assertEquals(3L, r.outputs().get("total"));
        Document first = db.getCollection("vectordocuments")
                .find(new Document("text", "hello"))
                .first();
        assertEquals(new ObjectId("65a1b2c3d4e5f60718293a4b"), first.get("_id"));
        assertEquals(List.of(0.1, 0.2, -0.3), first.get("embedding"));
        assertEquals(0L, db.getCollection("embeddingstats").countDocuments());
        Path snapshot = Path.of((String) r.outputs().get("snapshot"));
        assertTrue(Files.exists(snapshot.resolve("vector_documents.json")));

        StepResult undone = step.undo(args, r.outputs(), context);
        assertTrue(undone.isOk(), undone.message());
        assertEquals(
                List.of(new Document("_id", "old-doc").append("embedding", List.of(0.5))),
                db.getCollection("vectordocuments").find().into(new ArrayList<>()));
        assertEquals(
                "old-stats", db.getCollection("embeddingstats").find().first().get("_id"));
    }

    @Test
    void aBadFileChangesNothing() throws Exception {
        Path backup = seedBackup();
        Files.writeString(backup.resolve("embedding_stats.json"), "[{\"_id\": 1}, 42]");
        MongoImportJsonStep step = new MongoImportJsonStep();
        StepResult r = step.execute(
                args(
                        step,
                        map(
                                "uri",
                                MONGO.uri(),
                                "db",
                                "app",
                                "dir",
                                backup.toString(),
                                "snapshot_dir",
                                work.resolve("snap").toString())),
                new TestContext(work));
        assertFalse(r.isOk());
        assertTrue(
                r.message().contains("embedding_stats.json") && r.message().contains("nothing was changed"),
                r.message());
        assertFalse(Files.exists(work.resolve("snap")));
        assertEquals(
                "old-doc", db.getCollection("vectordocuments").find().first().get("_id"));
        assertEquals(1L, db.getCollection("vectordocuments").countDocuments());
    }

    @Test
    void exportThenImportRoundTrips() throws Exception {
        db.getCollection("vectordocuments").insertOne(new Document("_id", new ObjectId()).append("n", 5L));
        MongoExportJsonStep export = new MongoExportJsonStep();
        Path out = work.resolve("export");
        StepResult e = export.execute(
                args(export, map("uri", MONGO.uri(), "db", "app", "dir", out.toString(), "canonical", true)),
                new TestContext(work));
        assertTrue(e.isOk(), e.message());
        assertEquals(4L, e.outputs().get("total"));
        List<Document> before = db.getCollection("vectordocuments").find().into(new ArrayList<>());
        db.getCollection("vectordocuments").drop();
        MongoImportJsonStep step = new MongoImportJsonStep();
        StepResult r = step.execute(
                args(step, map("uri", MONGO.uri(), "db", "app", "dir", out.toString())), new TestContext(work));
        assertTrue(r.isOk(), r.message());
        assertEquals(before, db.getCollection("vectordocuments").find().into(new ArrayList<>()));
    }
}
