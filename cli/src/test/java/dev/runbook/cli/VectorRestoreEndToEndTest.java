package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runbooks/vector-restore.yaml} end to end through {@link Main#run}: mongo-java-server in-process, the RAG
 * worker a real pm2 app, the backup the seed's three JSON files.
 */
class VectorRestoreEndToEndTest {
    @TempDir
    Path dir;

    OpsWorld world;
    Path backup;
    Path snapshots;

    @BeforeEach
    void setUp() throws Exception {
        world = new OpsWorld(dir);
        MongoDatabase db = world.db("cryptique");
        db.getCollection("vectordocuments")
                .insertMany(List.of(
                        new Document("_id", 1).append("name", "orig-doc-1"),
                        new Document("_id", 2).append("name", "orig-doc-2")));
        db.getCollection("embeddingjobs").insertOne(new Document("_id", 1).append("name", "orig-job"));
        db.getCollection("embeddingstats").insertOne(new Document("_id", 1).append("name", "orig-stats"));
        db.getCollection("users").insertOne(new Document("_id", 1).append("name", "untouched-user"));
        backup = Files.createDirectories(dir.resolve("backups/vectors/vectors_20240101_030000"));
        Files.writeString(backup.resolve("vector_documents.json"), """
                [{"_id": 10, "name": "backup-doc-10", "embedding": [0.1, 0.2, 0.3],
                  "createdAt": "2024-01-01T02:00:00.000Z", "jobId": "65a1b2c3d4e5f60718293a20",
                  "chunks": ["65a1b2c3d4e5f60718293a01", "65a1b2c3d4e5f60718293a02"]},
                 {"_id": 11, "name": "backup-doc-11", "embedding": [0.4, 0.5, 0.6]},
                 {"_id": 12, "name": "backup-doc-12", "embedding": [0.7, 0.8, 0.9]}]
                """);
        Files.writeString(backup.resolve("embedding_jobs.json"), """
                [{"_id": 20, "name": "backup-job-20"}, {"_id": 21, "name": "backup-job-21"}]
                """);
        Files.writeString(backup.resolve("embedding_stats.json"), """
                [{"_id": 30, "name": "backup-stats-30"}]
                """);
        snapshots = Files.createDirectories(dir.resolve("snapshots"));
        world.startApp(world.ecosystem("cryptique-rag-worker"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (world != null) { // null when a tool was missing and the test was skipped in setUp
            world.close();
        }
    }

    private CliRun restore() {
        List<String> args = new ArrayList<>(List.of(
                "--param", "backup=" + backup,
                "--param", "mongo_uri=" + world.uri + "/cryptique",
                "--param", "snapshot_root=" + snapshots));
        args.addAll(world.pm2Params());
        return CliRun.of(OpsWorld.runArgs(OpsWorld.runbook("vector-restore.yaml"), args));
    }

    private void assertOriginalVectorStore(CliRun run) {
        assertEquals("1=orig-doc-1,2=orig-doc-2", world.contents("cryptique", "vectordocuments"), run.toString());
        assertEquals("1=orig-job", world.contents("cryptique", "embeddingjobs"), run.toString());
        assertEquals("1=orig-stats", world.contents("cryptique", "embeddingstats"), run.toString());
    }

    @Test
    void restoresTheThreeFilesAndRestartsTheWorker() throws Exception {
        CliRun run = restore();
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertEquals(
                "10=backup-doc-10,11=backup-doc-11,12=backup-doc-12",
                world.contents("cryptique", "vectordocuments"),
                run.toString());
        assertEquals("20=backup-job-20,21=backup-job-21", world.contents("cryptique", "embeddingjobs"));
        assertEquals("30=backup-stats-30", world.contents("cryptique", "embeddingstats"));
        assertEquals("1=untouched-user", world.contents("cryptique", "users"), "only the vector store is replaced");
        // the runbook declares the models' dates and references: they are BSON dates and ObjectIds again
        BsonDocument doc10 = world.db("cryptique")
                .getCollection("vectordocuments", BsonDocument.class)
                .find(new Document("_id", 10))
                .first();
        assertEquals(BsonType.DATE_TIME, doc10.get("createdAt").getBsonType(), doc10.toJson());
        assertEquals(BsonType.OBJECT_ID, doc10.get("jobId").getBsonType(), doc10.toJson());
        assertEquals(BsonType.OBJECT_ID, doc10.getArray("chunks").get(1).getBsonType(), doc10.toJson());
        try (Stream<Path> taken = Files.list(snapshots)) {
            assertEquals(
                    1,
                    taken.filter(p -> p.getFileName().toString().startsWith("pre-restore_"))
                            .count(),
                    "the snapshot of the old vector store should be kept:\n" + run);
        }
        assertTrue(world.healthy(), "the worker should run again:\n" + run);
        assertFalse(run.all().contains(world.uri), "the secret mongo_uri was shown:\n" + run);
    }

    @Test
    void aBadFileFailsTheRunBeforeAnythingIsDeleted() throws Exception {
        Files.writeString(backup.resolve("embedding_stats.json"), "[{\"_id\": 30, \"name\": \"truncated-");
        CliRun run = restore();
        assertEquals(ExitCodes.FAILED, run.code(), run.toString());
        assertTrue(run.all().contains("embedding_stats.json"), "the bad file should be named:\n" + run);
        assertOriginalVectorStore(run);
        assertTrue(world.healthy(), "undoing the stop should start the worker again:\n" + run);
    }

    @Test
    void aReferenceThatIsNotAnObjectIdFailsTheRunBeforeAnythingIsDeleted() throws Exception {
        Files.writeString(backup.resolve("embedding_jobs.json"), """
                [{"_id": 20, "name": "backup-job-20", "documents": ["65a1b2c3d4e5f60718293a01", "doc-11"]}]
                """);
        CliRun run = restore();
        assertEquals(ExitCodes.FAILED, run.code(), run.toString());
        assertTrue(
                run.all()
                        .contains("embedding_jobs.json: document 0, field documents[1]: \"doc-11\" is not an objectId"),
                run.toString());
        assertOriginalVectorStore(run);
        assertTrue(world.healthy(), "undoing the stop should start the worker again:\n" + run);
    }

    @Test
    void aDuplicateIdFailsTheImportAndTheOldStoreIsPutBack() throws Exception {
        // two documents with one _id: the insert fails half-way and the step puts its snapshot back
        Files.writeString(backup.resolve("embedding_jobs.json"), """
                [{"_id": 20, "name": "backup-job-20"}, {"_id": 20, "name": "backup-job-20-again"}]
                """);
        CliRun run = restore();
        assertEquals(ExitCodes.FAILED, run.code(), run.toString());
        assertOriginalVectorStore(run);
        assertTrue(world.healthy(), "undoing the stop should start the worker again:\n" + run);
    }
}
