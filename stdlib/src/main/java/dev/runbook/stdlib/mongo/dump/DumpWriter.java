package dev.runbook.stdlib.mongo.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes one database's part of a mongodump directory: {@code <db>/<escaped coll>.bson[.gz]} and its metadata. */
public final class DumpWriter {
    private final Path dbDir;
    private final boolean gzip;

    public DumpWriter(Path out, String db, boolean gzip) throws IOException {
        this.dbDir = Files.createDirectories(out.resolve(db));
        this.gzip = gzip;
    }

    /** A stream of raw documents for one collection; close it to finish the file. */
    public DataFile data(String collection) throws IOException {
        return new DataFile(open(CollectionNames.fileBase(collection) + ".bson"));
    }

    public void metadata(CollectionMetadata metadata) throws IOException {
        try (OutputStream out = open(CollectionNames.fileBase(metadata.collectionName()) + ".metadata.json")) {
            out.write(metadata.toCanonicalJson().getBytes(StandardCharsets.UTF_8));
        }
    }

    private OutputStream open(String name) throws IOException {
        Path file = dbDir.resolve(gzip ? name + ".gz" : name);
        OutputStream raw = Files.newOutputStream(file);
        return new BufferedOutputStream(gzip ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 20);
    }

    /** A collection's .bson file being written. */
    public static final class DataFile implements AutoCloseable {
        private final OutputStream out;
        private long documents;

        private DataFile(OutputStream out) {
            this.out = out;
        }

        public void write(ByteBuffer document) throws IOException {
            if (document.hasArray()) {
                out.write(document.array(), document.arrayOffset() + document.position(), document.remaining());
            } else {
                byte[] copy = new byte[document.remaining()];
                document.duplicate().get(copy);
                out.write(copy);
            }
            documents++;
        }

        public long documents() {
            return documents;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
