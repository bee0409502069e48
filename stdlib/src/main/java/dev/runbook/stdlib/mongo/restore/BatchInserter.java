package dev.runbook.stdlib.mongo.restore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.bson.RawBsonDocument;

/**
 * Unordered batches of raw documents, sent by a fixed pool of workers; the number of batches in flight is bounded so
 * memory stays flat however large the backup. Duplicate keys (11000) and validation failures (121) are counted and
 * reported, as mongorestore does; any other error stops the restore.
 */
final class BatchInserter implements AutoCloseable {
    private static final long MAX_BATCH_BYTES = 16L << 20;
    private static final int MAX_REPORTED = 20;
    private static final InsertManyOptions UNORDERED =
            new InsertManyOptions().ordered(false).bypassDocumentValidation(true);

    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final int permits;
    private final int batchSize;
    private final Consumer<String> log;
    private final Map<String, Pending> pending = new HashMap<>();
    private final AtomicReference<RestoreAbort> abort = new AtomicReference<>();
    private final AtomicInteger reported = new AtomicInteger();

    private static final class Pending {
        final MongoCollection<RawBsonDocument> collection;
        final Tally tally;
        List<RawBsonDocument> docs = new ArrayList<>();
        long bytes;

        Pending(MongoCollection<RawBsonDocument> collection, Tally tally) {
            this.collection = collection;
            this.tally = tally;
        }
    }

    BatchInserter(int parallel, int batchSize, Consumer<String> log) {
        this.pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "mongo-restore-insert");
            t.setDaemon(true);
            return t;
        });
        this.permits = parallel * 2;
        this.inFlight = new Semaphore(permits);
        this.batchSize = batchSize;
        this.log = log;
    }

    void register(String namespace, MongoCollection<RawBsonDocument> collection, Tally tally) {
        pending.put(namespace, new Pending(collection, tally));
    }

    /** Queues one document for a registered namespace; sends the batch when it is full. */
    void add(String namespace, byte[] document) throws RestoreAbort, InterruptedException {
        Pending p = pending.get(namespace);
        p.docs.add(new RawBsonDocument(document));
        p.bytes += document.length;
        if (p.docs.size() >= batchSize || p.bytes >= MAX_BATCH_BYTES) {
            send(p);
        }
    }

    /** Sends what is left and waits for every batch. */
    void finish() throws RestoreAbort, InterruptedException {
        for (Pending p : pending.values()) {
            if (!p.docs.isEmpty()) {
                send(p);
            }
        }
        inFlight.acquire(permits);
        inFlight.release(permits);
        rethrow();
    }

    private void send(Pending p) throws RestoreAbort, InterruptedException {
        rethrow();
        List<RawBsonDocument> batch = p.docs;
        p.docs = new ArrayList<>(Math.min(batchSize, 1024));
        p.bytes = 0;
        inFlight.acquire();
        pool.execute(() -> {
            try {
                insert(p.collection, p.tally, batch);
            } catch (RestoreAbort e) {
                abort.compareAndSet(null, e);
            } catch (RuntimeException e) {
                abort.compareAndSet(null, new RestoreAbort(p.tally.namespace() + ": " + e, e));
            } finally {
                inFlight.release();
            }
        });
    }

    private void insert(MongoCollection<RawBsonDocument> coll, Tally tally, List<RawBsonDocument> batch)
            throws RestoreAbort {
        if (abort.get() != null) {
            return;
        }
        try {
            coll.insertMany(batch, UNORDERED);
            tally.add(batch.size(), 0);
        } catch (MongoBulkWriteException e) {
            List<BulkWriteError> errors = e.getWriteErrors();
            // counted from what was sent: mongo-java-server reports n = batch size even when some inserts failed
            tally.add(batch.size() - errors.size(), errors.size());
            for (BulkWriteError error : errors) {
                if (error.getCode() != 11000 && error.getCode() != 121) {
                    throw new RestoreAbort(
                            tally.namespace() + ": insert failed with code " + error.getCode() + ": "
                                    + error.getMessage(),
                            e);
                }
                if (reported.incrementAndGet() <= MAX_REPORTED) {
                    log.accept("continuing through error: " + tally.namespace() + ": " + error.getMessage());
                }
            }
            if (e.getWriteConcernError() != null) {
                throw new RestoreAbort(
                        tally.namespace() + ": write concern error: "
                                + e.getWriteConcernError().getMessage(),
                        e);
            }
        } catch (MongoException e) {
            throw new RestoreAbort(tally.namespace() + ": insert failed: " + MongoErrors.describe(e), e);
        }
    }

    private void rethrow() throws RestoreAbort {
        RestoreAbort e = abort.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }
}
