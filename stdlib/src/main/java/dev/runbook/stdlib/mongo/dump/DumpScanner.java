package dev.runbook.stdlib.mongo.dump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds out what a backup is (a dump directory, one database's directory, an archive, gzipped or not, or a single
 * .bson file) and reads all of it once, so that a broken backup is refused before the database is touched.
 */
public final class DumpScanner {
    private DumpScanner() {}

    /**
     * @param archive true/false forces the format, null detects it by magic number
     * @param gzip true/false forces compression, null detects it (by magic number, or by .gz file names in a directory)
     * @param db the target database; needed for a single .bson file, and makes a directory of collection files one database
     * @param collection the target collection for a single .bson file (default: its unescaped name)
     */
    public static DumpInventory scan(Path from, Boolean archive, Boolean gzip, String db, String collection)
            throws IOException {
        if (!Files.exists(from)) {
            throw new DumpFormatException(from + ": no such file or directory");
        }
        if (Files.isDirectory(from)) {
            return directory(from, archive, gzip, db);
        }
        boolean gz = gzip != null ? gzip : DumpFiles.isGzip(from);
        if (!Boolean.FALSE.equals(archive) && DumpFiles.isArchive(from, gz)) {
            return ArchiveScanner.scan(from, gz);
        }
        if (Boolean.TRUE.equals(archive)) {
            throw new DumpFormatException(
                    from + ": not a mongodump archive (bad magic number" + (gz ? " after gunzip)" : ")"));
        }
        if (DumpFileName.of(from.getFileName().toString())
                .filter(n -> !n.metadata())
                .isEmpty()) {
            throw new DumpFormatException(from + ": neither a mongodump archive nor a .bson file");
        }
        if (db == null || db.isEmpty()) {
            throw new DumpFormatException(from + ": restoring a single .bson file needs a target db");
        }
        return new DirectoryScanner(gzip).scanFile(from, db, collection);
    }

    private static DumpInventory directory(Path dir, Boolean archive, Boolean gzip, String db) throws IOException {
        if (Boolean.TRUE.equals(archive)) {
            for (String name : List.of("archive", "archive.gz")) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return scan(candidate, true, name.endsWith(".gz") ? Boolean.TRUE : gzip, db, null);
                }
            }
            throw new DumpFormatException(dir + ": a directory, and no 'archive' or 'archive.gz' file in it");
        }
        DirectoryScanner scanner = new DirectoryScanner(gzip);
        if (db != null && !db.isEmpty() && holdsCollectionFiles(dir)) {
            return scanner.scanDatabase(dir, db);
        }
        return scanner.scanRoot(dir);
    }

    private static boolean holdsCollectionFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> Files.isRegularFile(p)
                    && !p.getFileName().toString().startsWith("oplog.bson")
                    && DumpFileName.of(p.getFileName().toString()).isPresent());
        }
    }
}
