package dev.runbook.stdlib.mongo.dump;

import java.nio.file.Path;

/**
 * One collection found in a backup and checked: where its documents are ({@code dataFile} null for an archive, whose
 * documents are replayed from the stream, or for metadata without data), how many there are, and its metadata.
 */
public record DumpCollection(
        String db,
        String collection,
        CollectionMetadata metadata,
        long documents,
        long bytes,
        Path dataFile,
        boolean gzip) {
    public String namespace() {
        return db + "." + collection;
    }
}
