package dev.runbook.stdlib.mongo.dump;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads and checks a mongodump directory: {@code <root>/<db>/<escaped coll>.bson[.gz]} and
 * {@code .metadata.json[.gz]}, legacy {@code .bin}. Every data file is read to the end and every metadata file parsed;
 * files it cannot use are listed as skipped, as mongorestore logs them.
 */
public final class DirectoryScanner {
    private final Boolean gzip;
    private final List<DumpCollection> found = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    /** {@code gzip}: true only .gz files, false only plain files, null both. */
    public DirectoryScanner(Boolean gzip) {
        this.gzip = gzip;
    }

    /** A dump root: one sub-directory per database, plus oplog.bson and prelude.json at the top. */
    public DumpInventory scanRoot(Path root) throws IOException {
        for (Path entry : list(root)) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                scanDatabaseFiles(entry, name);
            } else if (name.equals("oplog.bson") || name.equals("oplog.bson.gz")) {
                long docs = countDocuments(entry, name.endsWith(".gz") || DumpFiles.isGzip(entry));
                skipped.add(entry + ": oplog with " + docs + " entries not replayed (oplog replay is not supported)");
            } else if (!name.startsWith("prelude.json")) {
                skipped.add(entry + ": don't know what to do with this file, skipping");
            }
        }
        return inventory(root);
    }

    /** One database's directory, restored into {@code db}. */
    public DumpInventory scanDatabase(Path dir, String db) throws IOException {
        scanDatabaseFiles(dir, db);
        return inventory(dir);
    }

    /** A single {@code .bson[.gz]} file (and the metadata beside it), restored into {@code db.collection}. */
    public DumpInventory scanFile(Path file, String db, String collection) throws IOException {
        DumpFileName name = DumpFileName.of(file.getFileName().toString())
                .orElseThrow(() -> new DumpFormatException(file + ": not a .bson or .bson.gz file"));
        Path metadata = null;
        for (String suffix : List.of(".metadata.json", ".metadata.json.gz")) {
            Path candidate = file.resolveSibling(name.base() + suffix);
            metadata = metadata == null && Files.isRegularFile(candidate) ? candidate : metadata;
        }
        String coll = collection != null
                ? collection
                : CollectionNames.unescape(name.base()).orElse(name.base());
        addCollection(db, coll, name.base(), file, name.gzip(), metadata);
        return inventory(file);
    }

    private void scanDatabaseFiles(Path dir, String db) throws IOException {
        Map<String, Path> data = new TreeMap<>();
        Map<String, Path> metadata = new TreeMap<>();
        for (Path entry : list(dir)) {
            String fileName = entry.getFileName().toString();
            Optional<DumpFileName> name = DumpFileName.of(fileName);
            if (Files.isDirectory(entry)) {
                skipped.add(entry + ": don't know what to do with a sub-directory of a database, skipping");
            } else if (fileName.startsWith("prelude.json")) {
                continue;
            } else if (name.isEmpty()) {
                skipped.add(entry + ": don't know what to do with this file, skipping");
            } else if (gzip != null && name.get().gzip() != gzip) {
                skipped.add(
                        entry + ": skipping, " + (gzip ? "not a .gz file (gzip: true)" : "a .gz file (gzip: false)"));
            } else {
                Map<String, Path> target = name.get().metadata() ? metadata : data;
                Path previous = target.putIfAbsent(name.get().base(), entry);
                if (previous != null) {
                    skipped.add(entry + ": skipping, " + previous.getFileName() + " holds the same collection");
                }
            }
        }
        TreeSet<String> bases = new TreeSet<>(data.keySet());
        bases.addAll(metadata.keySet());
        for (String base : bases) {
            Path file = data.get(base);
            Path meta = metadata.get(base);
            Optional<String> coll = resolveName(dir, base, meta);
            if (coll.isPresent()) {
                addCollection(db, coll.get(), base, file, file != null && isGz(file), meta);
            }
        }
    }

    private Optional<String> resolveName(Path dir, String base, Path meta) throws IOException {
        if (CollectionNames.isTruncated(base)) {
            String real = meta == null ? "" : readMetadata(meta).collectionName();
            if (real.isEmpty()) {
                skipped.add(dir.resolve(base) + ": truncated long collection name without collectionName in its"
                        + " metadata, skipping");
                return Optional.empty();
            }
            return Optional.of(real);
        }
        Optional<String> name = CollectionNames.unescape(base);
        if (name.isEmpty()) {
            skipped.add(dir.resolve(base) + ": file name is not a valid escaped collection name, skipping");
        }
        return name;
    }

    private void addCollection(String db, String coll, String base, Path file, boolean gz, Path meta)
            throws IOException {
        CollectionMetadata metadata = meta == null ? CollectionMetadata.NONE : readMetadata(meta);
        if (coll.equals("system.profile") || coll.equals("system.indexes")) {
            skipped.add(db + "." + coll + ": skipping " + coll + " (not restored, as mongorestore does)");
            return;
        }
        if (metadata.isTimeseries() || coll.startsWith("system.buckets.")) {
            skipped.add(db + "." + coll + ": timeseries collections are not supported, skipping");
            return;
        }
        long docs = file == null ? 0 : countDocuments(file, gz);
        long bytes = file == null ? 0 : Files.size(file);
        found.add(new DumpCollection(db, coll, metadata, docs, bytes, file, gz));
    }

    private CollectionMetadata readMetadata(Path meta) throws IOException {
        return CollectionMetadata.parse(DumpFiles.readText(meta, isGz(meta)), meta.toString());
    }

    /** Reads a data file to its end, checking every document. */
    static long countDocuments(Path file, boolean gz) throws IOException {
        try (InputStream in = DumpFiles.open(file, gz)) {
            BsonFrames frames = new BsonFrames(in, file.toString());
            while (frames.next() != null) {
                // reading is the check
            }
            return frames.count();
        }
    }

    private static boolean isGz(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    private DumpInventory inventory(Path source) {
        return new DumpInventory(source, false, Boolean.TRUE.equals(gzip), found, skipped);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
