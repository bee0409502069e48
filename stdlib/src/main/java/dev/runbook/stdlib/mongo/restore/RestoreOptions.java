package dev.runbook.stdlib.mongo.restore;

/** How to restore: drop first, batch size, collections/batches in flight, legacy index conversion. */
public record RestoreOptions(
        boolean drop, int parallel, int batchSize, boolean convertLegacyIndexes, boolean restoreIndexes) {
    public RestoreOptions {
        if (parallel < 1 || batchSize < 1) {
            throw new IllegalArgumentException("parallel and batch_size must be at least 1");
        }
    }
}
