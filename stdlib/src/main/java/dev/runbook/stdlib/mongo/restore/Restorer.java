package dev.runbook.stdlib.mongo.restore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.runbook.stdlib.mongo.dump.ArchiveReader;
import dev.runbook.stdlib.mongo.dump.BsonFrames;
import dev.runbook.stdlib.mongo.dump.DumpFiles;
import dev.runbook.stdlib.mongo.dump.DumpInventory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * Restores a backup that {@code DumpScanner} has already checked, in mongorestore's order: drop (only the collections
 * being restored, never system ones), create, all data as raw BSON in unordered batches, then one createIndexes per
 * collection.
 */
public final class Restorer {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /** Where a drill can make a restore fail part-way. */
    public static final String PART_WAY = "after dropping the first collection";

    private final MongoClient client;
    private final RestoreOptions options;
    private final Consumer<String> log;
    private final BooleanSupplier cancelled;
    private final java.util.function.Predicate<String> failsHere;
    private final Clock clock;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private long sent;
    private long total;
    private Instant lastProgress;

    public Restorer(
            MongoClient client, RestoreOptions options, Consumer<String> log, BooleanSupplier cancelled, Clock clock) {
        this(client, options, log, cancelled, clock, point -> false);
    }

    /** With {@code failsHere}: a drill's part-way failure, asked after the first collection is dropped. */
    public Restorer(
            MongoClient client,
            RestoreOptions options,
            Consumer<String> log,
            BooleanSupplier cancelled,
            Clock clock,
            java.util.function.Predicate<String> failsHere) {
        this.failsHere = failsHere;
        this.client = client;
        this.options = options;
        this.log = log;
        this.cancelled = cancelled;
        this.clock = clock;
    }

    public RestoreReport run(DumpInventory inventory, List<PlannedCollection> plan) throws InterruptedException {
        for (PlannedCollection p : plan) {
            tallies.put(p.namespace(), new Tally(p.namespace(), p.source().documents()));
            total += p.source().documents();
        }
        lastProgress = clock.instant();
        try {
            prepare(plan);
            restoreData(inventory, plan);
            for (Tally t : tallies.values()) {
                log.accept("finished restoring " + t.namespace() + " (" + t.restored() + " documents, " + t.failures()
                        + " failures)");
            }
            if (options.restoreIndexes()) {
                new IndexRestorer(client, options.convertLegacyIndexes(), log).restore(plan);
            }
            return new RestoreReport(List.copyOf(tallies.values()), null);
        } catch (RestoreAbort e) {
            return new RestoreReport(List.copyOf(tallies.values()), e.getMessage());
        }
    }

    private void prepare(List<PlannedCollection> plan) throws RestoreAbort {
        Map<String, Set<String>> existing = new HashMap<>();
        for (PlannedCollection p : plan) {
            MongoDatabase db = client.getDatabase(p.db());
            try {
                Set<String> names = existing.computeIfAbsent(
                        p.db(), d -> db.listCollectionNames().into(new HashSet<>()));
                boolean exists = names.contains(p.collection());
                if (exists && options.drop() && p.collection().startsWith("system.")) {
                    log.accept("cannot drop system collection " + p.namespace() + ", skipping");
                } else if (exists && options.drop()) {
                    log.accept("dropping collection " + p.namespace() + " before restoring");
                    db.getCollection(p.collection()).drop();
                    exists = false;
                    if (failsHere.test(PART_WAY)) {
                        throw new RestoreAbort("stopped by the drill part-way, " + PART_WAY + " (" + p.namespace()
                                + "): nothing restored yet");
                    }
                }
                if (exists) {
                    log.accept("restoring to existing collection " + p.namespace() + " without dropping");
                } else {
                    db.runCommand(createCommand(p));
                }
            } catch (MongoException e) {
                throw new RestoreAbort("preparing " + p.namespace() + ": " + MongoErrors.describe(e), e);
            }
        }
    }

    private static BsonDocument createCommand(PlannedCollection p) {
        BsonDocument command = new BsonDocument("create", new org.bson.BsonString(p.collection()));
        BsonDocument collOptions = p.source().metadata().options();
        collOptions.forEach(command::put);
        boolean clustered = collOptions.containsKey("clusteredIndex");
        if (!p.source().metadata().isView() && !clustered) {
            IndexSpecs.idIndex(p.source().metadata().indexes()).ifPresent(id -> {
                command.put("idIndex", id);
                command.remove("autoIndexId");
            });
        }
        return command;
    }

    private void restoreData(DumpInventory inventory, List<PlannedCollection> plan)
            throws RestoreAbort, InterruptedException {
        try (BatchInserter inserter = new BatchInserter(options.parallel(), options.batchSize(), log)) {
            for (PlannedCollection p : plan) {
                inserter.register(
                        p.namespace(),
                        client.getDatabase(p.db()).getCollection(p.collection(), RawBsonDocument.class),
                        tallies.get(p.namespace()));
            }
            if (inventory.archive()) {
                replayArchive(inventory, plan, inserter);
            } else {
                readFiles(plan, inserter);
            }
            inserter.finish();
        }
    }

    private void readFiles(List<PlannedCollection> plan, BatchInserter inserter)
            throws RestoreAbort, InterruptedException {
        for (PlannedCollection p : plan) {
            if (p.source().dataFile() == null) {
                continue;
            }
            try (InputStream in =
                    DumpFiles.open(p.source().dataFile(), p.source().gzip())) {
                BsonFrames frames = new BsonFrames(in, p.source().dataFile().toString());
                for (byte[] doc = frames.next(); doc != null; doc = frames.next()) {
                    inserter.add(p.namespace(), doc);
                    progress();
                }
            } catch (IOException e) {
                throw new RestoreAbort("reading " + p.source().dataFile() + ": " + e.getMessage(), e);
            }
        }
    }

    private void replayArchive(DumpInventory inventory, List<PlannedCollection> plan, BatchInserter inserter)
            throws RestoreAbort, InterruptedException {
        Map<String, String> targets = new HashMap<>();
        plan.forEach(p -> targets.put(p.source().namespace(), p.namespace()));
        try (InputStream in = DumpFiles.open(inventory.source(), inventory.gzip())) {
            ArchiveReader.read(in, inventory.source().toString(), new ArchiveReplay(targets, (ns, doc) -> {
                inserter.add(ns, doc);
                progress();
            }));
        } catch (ArchiveReplay.Stopped e) {
            throw e.abort();
        } catch (InterruptedIOException e) {
            throw new InterruptedException("restore interrupted");
        } catch (IOException e) {
            throw new RestoreAbort("reading " + inventory.source() + ": " + e.getMessage(), e);
        }
    }

    private void progress() throws RestoreAbort {
        if (++sent % 4096 != 0) {
            return;
        }
        if (cancelled.getAsBoolean()) {
            throw new RestoreAbort("cancelled by the operator after " + sent + " documents were read");
        }
        Instant now = clock.instant();
        if (Duration.between(lastProgress, now).compareTo(PROGRESS_EVERY) >= 0) {
            lastProgress = now;
            long done = tallies.values().stream()
                    .mapToLong(t -> t.restored() + t.failures())
                    .sum();
            log.accept(String.format(
                    "restored %d of %d documents (%d%%)", done, total, total == 0 ? 100 : done * 100 / total));
        }
    }
}
