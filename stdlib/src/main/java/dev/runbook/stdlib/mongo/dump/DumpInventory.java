package dev.runbook.stdlib.mongo.dump;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything usable in a backup, after the whole of it was read and checked, plus what was skipped and why.
 * {@code archive} is set when the documents must be replayed from an archive stream.
 */
public record DumpInventory(
        Path source, boolean archive, boolean gzip, List<DumpCollection> collections, List<String> skipped) {
    public DumpInventory {
        collections = List.copyOf(collections);
        skipped = List.copyOf(skipped);
    }

    public long documents() {
        long total = 0;
        for (DumpCollection c : collections) {
            total += c.documents();
        }
        return total;
    }
}
