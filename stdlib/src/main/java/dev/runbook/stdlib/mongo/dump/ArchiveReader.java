package dev.runbook.stdlib.mongo.dump;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * Reads a mongodump {@code --archive} stream (mongo-tools {@code common/archive/spec.md}): magic, header, collection
 * metadata up to a terminator, then interleaved namespace segments, each namespace closed by an EOF header whose
 * CRC-64/XZ over all of that namespace's document bytes must match. Every check runs on every read.
 */
public final class ArchiveReader {
    public static final int MAGIC = 0x8199e26d;
    private static final int TERMINATOR = 0xFFFFFFFF;

    /** What the reader found, in stream order. */
    public interface Visitor {
        void header(BsonDocument header) throws IOException;

        void collection(String db, String collection, String metadataJson, String type) throws IOException;

        void document(String db, String collection, byte[] document) throws IOException;

        void endOfNamespace(String db, String collection, long documents) throws IOException;
    }

    private final InputStream in;
    private final String source;
    private final BsonFrames frames;
    private final byte[] word = new byte[4];

    private ArchiveReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
        this.frames = new BsonFrames(in, source);
    }

    public static void read(InputStream in, String source, Visitor visitor) throws IOException {
        new ArchiveReader(in, source).run(visitor);
    }

    private void run(Visitor visitor) throws IOException {
        if (!nextWord() || BsonFrames.littleEndian(word) != MAGIC) {
            throw new DumpFormatException(source + ": not a mongodump archive (bad magic number)");
        }
        if (!nextWord()) {
            throw new DumpFormatException(source + ": archive ends before its header");
        }
        visitor.header(document(frames.readAfterPrefix(BsonFrames.littleEndian(word))));
        readMetadata(visitor);
        readNamespaces(visitor);
    }

    private void readMetadata(Visitor visitor) throws IOException {
        while (true) {
            if (!nextWord()) {
                throw new DumpFormatException(source + ": archive ends inside its collection metadata");
            }
            int length = BsonFrames.littleEndian(word);
            if (length == TERMINATOR) {
                return;
            }
            RawBsonDocument meta = document(frames.readAfterPrefix(length));
            visitor.collection(
                    string(meta, "db"), string(meta, "collection"), string(meta, "metadata"), string(meta, "type"));
        }
    }

    private void readNamespaces(Visitor visitor) throws IOException {
        Map<String, Crc64> checksums = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        Set<String> open = new LinkedHashSet<>();
        while (nextWord()) {
            int length = BsonFrames.littleEndian(word);
            if (length == TERMINATOR) {
                throw new DumpFormatException(source + ": terminator where a namespace header was expected");
            }
            RawBsonDocument header = document(frames.readAfterPrefix(length));
            String db = string(header, "db");
            String coll = string(header, "collection");
            String ns = db + "." + coll;
            Crc64 crc = checksums.computeIfAbsent(ns, k -> new Crc64());
            if (header.getBoolean("EOF", org.bson.BsonBoolean.FALSE).getValue()) {
                long stored =
                        header.containsKey("CRC") ? header.get("CRC").asNumber().longValue() : 0;
                if (stored != crc.value()) {
                    throw new DumpFormatException(source + ": checksum mismatch for namespace " + ns + " (stored "
                            + Long.toUnsignedString(stored) + ", computed " + Long.toUnsignedString(crc.value()) + ")");
                }
                expectTerminator(ns);
                open.remove(ns);
                visitor.endOfNamespace(db, coll, counts.getOrDefault(ns, 0L));
                continue;
            }
            open.add(ns);
            counts.merge(ns, readSegment(visitor, db, coll, crc), Long::sum);
        }
        if (!open.isEmpty()) {
            throw new DumpFormatException(source + ": archive ends before namespace "
                    + open.iterator().next() + " is complete (truncated backup?)");
        }
    }

    private long readSegment(Visitor visitor, String db, String coll, Crc64 crc) throws IOException {
        long n = 0;
        while (true) {
            if (!nextWord()) {
                throw new DumpFormatException(source + ": archive ends inside a segment of " + db + "." + coll);
            }
            int length = BsonFrames.littleEndian(word);
            if (length == TERMINATOR) {
                return n;
            }
            byte[] doc = frames.readAfterPrefix(length);
            crc.update(doc, 0, doc.length);
            visitor.document(db, coll, doc);
            n++;
        }
    }

    private void expectTerminator(String ns) throws IOException {
        if (!nextWord() || BsonFrames.littleEndian(word) != TERMINATOR) {
            throw new DumpFormatException(source + ": no terminator after the end of namespace " + ns);
        }
    }

    private boolean nextWord() throws IOException {
        boolean got = BsonFrames.readInt(in, word, source);
        if (got) {
            frames.skipOffset(4);
        }
        return got;
    }

    private RawBsonDocument document(byte[] bytes) {
        return new RawBsonDocument(bytes);
    }

    private String string(RawBsonDocument doc, String key) throws DumpFormatException {
        if (!doc.containsKey(key)) {
            return "";
        }
        if (!doc.get(key).isString()) {
            throw new DumpFormatException(source + ": archive field '" + key + "' is not a string");
        }
        return doc.getString(key).getValue();
    }
}
