package dev.runbook.stdlib.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.runbook.spi.StepResult;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * bench/mongo-restore: mongo.restore of N small documents into mongo-java-server against a bare driver insertMany
 * loop (batches of 1000, documents built beforehand) on the same server in the same JVM. Not a test: run it with
 * {@code bench/mongo-restore/run.sh [documents]}.
 */
public final class MongoRestoreBench {
    private MongoRestoreBench() {}

    public static void main(String[] argv) throws Exception {
        int n = argv.length > 0 ? Integer.parseInt(argv[0]) : 1_000_000;
        Path work = Files.createTempDirectory("mongo-restore-bench");
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(uri)) {
            System.out.printf(
                    "documents: %,d  cores: %d  java: %s%n",
                    n, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            // warm-up of both paths on a tenth of the data, then the measured runs
            round(client, uri, work, n / 10, false);
            round(client, uri, work, n, true);
        } finally {
            server.shutdownNow();
        }
    }

    private static void round(MongoClient client, String uri, Path work, int n, boolean print) throws Exception {
        List<Document> docs = documents(n);
        MongoCollection<Document> base = client.getDatabase("bench").getCollection("base");
        long t0 = System.nanoTime();
        for (int i = 0; i < docs.size(); i += 1000) {
            base.insertMany(docs.subList(i, Math.min(docs.size(), i + 1000)));
        }
        double bare = seconds(t0);
        docs = null;

        Path out = work.resolve("dump-" + n);
        MongoDumpStep dump = new MongoDumpStep();
        long t1 = System.nanoTime();
        StepResult dumped = dump.execute(
                MongoTestSupport.args(dump, MongoTestSupport.map("uri", uri, "db", "bench", "out", out.toString())),
                new TestContext(work));
        double dumpSeconds = seconds(t1);
        check(dumped);
        client.getDatabase("bench").drop();

        MongoRestoreStep restore = new MongoRestoreStep();
        long t2 = System.nanoTime();
        StepResult restored = restore.execute(
                MongoTestSupport.args(
                        restore, MongoTestSupport.map("uri", uri, "from", out.toString(), "db", "restored")),
                new TestContext(work));
        double restoreSeconds = seconds(t2);
        check(restored);
        if ((Long) restored.outputs().get("restored") != n) {
            throw new IllegalStateException("restored " + restored.outputs().get("restored") + " of " + n);
        }
        client.getDatabase("restored").drop();
        if (print) {
            double bareRate = n / bare;
            double restoreRate = n / restoreSeconds;
            System.out.printf("bare insertMany loop : %8.2f s  %,10.0f docs/s%n", bare, bareRate);
            System.out.printf(
                    "mongo.restore        : %8.2f s  %,10.0f docs/s  (%.0f%% of bare; includes the full"
                            + " validation pass)%n",
                    restoreSeconds, restoreRate, 100 * restoreRate / bareRate);
            System.out.printf(
                    "mongo.dump (for info): %8.2f s  %,10.0f docs/s, %,d bytes%n",
                    dumpSeconds, n / dumpSeconds, Files.size(out.resolve("bench/base.bson")));
        }
    }

    private static List<Document> documents(int n) {
        List<Document> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            docs.add(new Document("_id", new ObjectId())
                    .append("i", i)
                    .append("name", "doc-" + i)
                    .append("score", i * 0.5)
                    .append("active", (i & 1) == 0));
        }
        return docs;
    }

    private static void check(StepResult r) {
        if (!r.isOk()) {
            throw new IllegalStateException(r.message());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
