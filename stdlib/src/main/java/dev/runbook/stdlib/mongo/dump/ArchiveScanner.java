package dev.runbook.stdlib.mongo.dump;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;

/** Reads a whole archive once, checking every frame, metadata string and checksum, and counts what it holds. */
final class ArchiveScanner implements ArchiveReader.Visitor {
    private final String source;
    private final Map<String, CollectionMetadata> metadata = new LinkedHashMap<>();
    private final Map<String, String[]> names = new LinkedHashMap<>();
    private final Map<String, long[]> sizes = new LinkedHashMap<>();

    private ArchiveScanner(String source) {
        this.source = source;
    }

    static DumpInventory scan(Path file, boolean gzip) throws IOException {
        ArchiveScanner scanner = new ArchiveScanner(file.toString());
        try (InputStream in = DumpFiles.open(file, gzip)) {
            ArchiveReader.read(in, file.toString(), scanner);
        }
        return scanner.inventory(file, gzip);
    }

    @Override
    public void header(BsonDocument header) {
        // version "0.1" is the only one there is; the server version is not needed to restore
    }

    @Override
    public void collection(String db, String collection, String metadataJson, String type) throws IOException {
        String ns = db + "." + collection;
        CollectionMetadata parsed = CollectionMetadata.parse(metadataJson, source + ": " + ns);
        if (parsed.type().isEmpty() && !type.isEmpty()) {
            parsed = new CollectionMetadata(
                    parsed.options(), parsed.indexes(), parsed.uuid(), parsed.collectionName(), type);
        }
        metadata.put(ns, parsed);
        names.put(ns, new String[] {db, collection});
    }

    @Override
    public void document(String db, String collection, byte[] document) {
        String ns = db + "." + collection;
        names.putIfAbsent(ns, new String[] {db, collection});
        long[] size = sizes.computeIfAbsent(ns, k -> new long[2]);
        size[0]++;
        size[1] += document.length;
    }

    @Override
    public void endOfNamespace(String db, String collection, long documents) {
        names.putIfAbsent(db + "." + collection, new String[] {db, collection});
    }

    private DumpInventory inventory(Path file, boolean gzip) {
        List<DumpCollection> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, String[]> e : names.entrySet()) {
            String db = e.getValue()[0];
            String coll = e.getValue()[1];
            long[] size = sizes.getOrDefault(e.getKey(), new long[2]);
            CollectionMetadata meta = metadata.getOrDefault(e.getKey(), CollectionMetadata.NONE);
            if (db.isEmpty() && coll.equals("oplog")) {
                skipped.add("oplog with " + size[0] + " entries not replayed (oplog replay is not supported)");
            } else if (meta.isTimeseries() || coll.startsWith("system.buckets.")) {
                skipped.add(e.getKey() + ": timeseries collections are not supported, skipping");
            } else {
                found.add(new DumpCollection(db, coll, meta, size[0], size[1], null, gzip));
            }
        }
        return new DumpInventory(file, true, gzip, found, skipped);
    }
}
