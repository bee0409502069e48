package dev.runbook.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;

/**
 * The database of the drill sandboxes of the restore runbooks ({@code drill/mongo-sandbox.sh}): a mongo-java-server
 * on a free loopback port in a process of its own, so that it outlives the sandbox script and is stopped by its
 * {@code destroy}. {@code MongoSandbox DIR} seeds database {@code cryptique} with today's data (users, orders and the
 * vector store), writes yesterday's backups under {@code DIR/backups} (a mongodump of users and orders by the
 * {@code mongo.dump} step type, and the vector store's three JSON files), then writes {@code DIR/mongo.port} and
 * serves until it is killed.
 */
final class MongoSandbox {
    static final String DB = "cryptique";

    private MongoSandbox() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        MongoServer server = bind();
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase(DB);
            backups(db, uri, dir);
            today(db);
        }
        Path port = dir.resolve("mongo.port");
        Files.writeString(
                dir.resolve("mongo.port.tmp"), server.getLocalAddress().getPort() + "\n");
        Files.move(dir.resolve("mongo.port.tmp"), port);
        Thread.currentThread().join(); // serve until killed
    }

    private static MongoServer bind() throws Exception {
        for (int i = 0; ; i++) {
            MongoServer server = new MongoServer(new MemoryBackend());
            try {
                server.bind("127.0.0.1", TestPorts.free());
                return server;
            } catch (RuntimeException taken) { // another process took the port between the choice and the bind
                server.shutdownNow();
                if (i == 20) {
                    throw taken;
                }
            }
        }
    }

    /** Yesterday: dumped by the runbook's own step type, then dropped; and the vector store as JSON files. */
    private static void backups(MongoDatabase db, String uri, Path dir) throws Exception {
        db.getCollection("users").insertMany(List.of(doc(1, "backup-alice"), doc(2, "backup-bob")));
        db.getCollection("orders")
                .insertMany(List.of(doc(10, "backup-order-a"), doc(11, "backup-order-b"), doc(12, "backup-order-c")));
        // a dump holds every collection, the vector store's too
        db.getCollection("vectordocuments").insertMany(List.of(doc(10, "backup-doc-10"), doc(11, "backup-doc-11")));
        db.getCollection("embeddingjobs").insertOne(doc(20, "backup-job-20"));
        db.getCollection("embeddingstats").insertOne(doc(30, "backup-stats-30"));
        Path dump = dir.resolve("backups/mongodb/mongo_20240101_030000");
        Path maker = Files.createDirectories(dir.resolve("backups")).resolve("make-backup.rb");
        Files.writeString(maker, """
                runbook "make-backup" {
                  param uri: secret
                  param out: path
                  step dump = mongo.dump { uri: uri, db: "cryptique", out: out }
                }
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code =
                Main.run(print, print, new String[] {"run", maker.toString(), "-p", "uri=" + uri, "-p", "out=" + dump});
        if (code != 0) {
            throw new IllegalStateException("the backup dump failed: " + out.toString(StandardCharsets.UTF_8));
        }
        db.drop();
        Path vectors = Files.createDirectories(dir.resolve("backups/vectors/vectors_20240101_030000"));
        Files.writeString(vectors.resolve("vector_documents.json"), """
                [{"_id": 10, "name": "backup-doc-10", "embedding": [0.1, 0.2, 0.3]},
                 {"_id": 11, "name": "backup-doc-11", "embedding": [0.4, 0.5, 0.6]},
                 {"_id": 12, "name": "backup-doc-12", "embedding": [0.7, 0.8, 0.9]}]
                """);
        Files.writeString(vectors.resolve("embedding_jobs.json"), """
                [{"_id": 20, "name": "backup-job-20"}, {"_id": 21, "name": "backup-job-21"}]
                """);
        Files.writeString(vectors.resolve("embedding_stats.json"), """
                [{"_id": 30, "name": "backup-stats-30"}]
                """);
    }

    /** Today's (damaged) data: what a failed restore's undo must put back. */
    private static void today(MongoDatabase db) {
        db.getCollection("users").insertMany(List.of(doc(1, "orig-alice"), doc(3, "orig-carol"), doc(4, "orig-dave")));
        db.getCollection("orders").insertOne(doc(20, "orig-order"));
        db.getCollection("vectordocuments").insertMany(List.of(doc(1, "orig-doc-1"), doc(2, "orig-doc-2")));
        db.getCollection("embeddingjobs").insertOne(doc(1, "orig-job"));
        db.getCollection("embeddingstats").insertOne(doc(1, "orig-stats"));
    }

    private static Document doc(int id, String name) {
        return new Document("_id", id).append("name", name);
    }
}
