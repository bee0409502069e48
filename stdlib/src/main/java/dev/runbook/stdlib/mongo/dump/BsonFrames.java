package dev.runbook.stdlib.mongo.dump;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads length-prefixed BSON documents from a stream, as mongorestore's {@code bson_stream.go} does: every length
 * from 5 bytes to 16 MiB, every document ending in 0x00, and the elements inside walked by {@link BsonStructure}.
 */
public final class BsonFrames {
    public static final int MAX_DOCUMENT = 16 * 1024 * 1024;

    private final InputStream in;
    private final String source;
    private final byte[] prefix = new byte[4];
    private long offset;
    private long count;

    public BsonFrames(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next document's bytes, or null at a clean end of the stream. */
    public byte[] next() throws IOException {
        int got = in.readNBytes(prefix, 0, 4);
        if (got == 0) {
            return null;
        }
        if (got < 4) {
            throw new DumpFormatException(where() + ": truncated document length (" + got + " of 4 bytes)");
        }
        offset += 4;
        return readAfterPrefix(littleEndian(prefix));
    }

    /** Reads the rest of a document whose 4-byte length the caller has already consumed. */
    public byte[] readAfterPrefix(int length) throws IOException {
        if (length < 5 || length > MAX_DOCUMENT) {
            throw new DumpFormatException(where() + ": invalid BSON document length " + length);
        }
        byte[] doc = new byte[length];
        doc[0] = (byte) length;
        doc[1] = (byte) (length >>> 8);
        doc[2] = (byte) (length >>> 16);
        doc[3] = (byte) (length >>> 24);
        int got = in.readNBytes(doc, 4, length - 4);
        if (got < length - 4) {
            throw new DumpFormatException(where() + ": truncated document (" + (got + 4) + " of " + length + " bytes)");
        }
        String problem = BsonStructure.problem(doc);
        if (problem != null) {
            throw new DumpFormatException(where() + ": malformed BSON document: " + problem);
        }
        offset += length - 4;
        count++;
        return doc;
    }

    /** Documents read so far. */
    public long count() {
        return count;
    }

    public void skipOffset(long bytes) {
        offset += bytes;
    }

    private String where() {
        return source + " at byte " + offset + " (document " + (count + 1) + ")";
    }

    public static int littleEndian(byte[] b) {
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    /** Reads exactly 4 bytes; false at a clean end of stream. */
    static boolean readInt(InputStream in, byte[] into, String source) throws IOException {
        int got = in.readNBytes(into, 0, 4);
        if (got == 0) {
            return false;
        }
        if (got < 4) {
            throw new DumpFormatException(source + ": stream ends inside a 4-byte length (truncated backup?)");
        }
        return true;
    }
}
