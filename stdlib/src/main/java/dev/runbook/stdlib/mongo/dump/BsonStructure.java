package dev.runbook.stdlib.mongo.dump;

/**
 * Walks the elements of a raw BSON document without building values, so that a corrupt backup is found before
 * anything is written. Checks every embedded length, type byte and terminator; does not check UTF-8.
 */
final class BsonStructure {
    private static final int MAX_DEPTH = 200;

    private final byte[] b;
    private final int end;

    private BsonStructure(byte[] bytes) {
        this.b = bytes;
        this.end = bytes.length;
    }

    /** Null when the document is well formed, else what is wrong with it. */
    static String problem(byte[] doc) {
        try {
            int stop = new BsonStructure(doc).document(0, 0);
            return stop == doc.length ? null : "document length " + doc.length + " but content ends at " + stop;
        } catch (Malformed e) {
            return e.getMessage();
        }
    }

    /** Checks the document at {@code at}; returns the index just after it. */
    private int document(int at, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Malformed("nested deeper than " + MAX_DEPTH);
        }
        int length = int32(at);
        int stop = at + length;
        if (length < 5 || stop > end) {
            throw new Malformed("embedded document at byte " + at + " has length " + length);
        }
        int p = at + 4;
        while (p < stop - 1) {
            int type = b[p] & 0xff;
            p = cstring(p + 1, stop);
            p = value(type, p, stop, depth);
        }
        if (p != stop - 1 || b[stop - 1] != 0) {
            throw new Malformed("document at byte " + at + " is not terminated by 0x00");
        }
        return stop;
    }

    private int value(int type, int p, int stop, int depth) {
        switch (type) {
            case 0x01, 0x09, 0x11, 0x12:
                return fixed(p, 8, stop);
            case 0x02, 0x0D, 0x0E:
                return string(p, stop);
            case 0x03, 0x04:
                return document(p, depth + 1);
            case 0x05:
                return fixed(p, 5 + nonNegative(p, stop), stop);
            case 0x06, 0x0A, 0xFF, 0x7F:
                return p;
            case 0x07:
                return fixed(p, 12, stop);
            case 0x08:
                return fixed(p, 1, stop);
            case 0x0B:
                return cstring(cstring(p, stop), stop);
            case 0x0C:
                return fixed(string(p, stop), 12, stop);
            case 0x0F:
                return codeWithScope(p, stop, depth);
            case 0x10:
                return fixed(p, 4, stop);
            case 0x13:
                return fixed(p, 16, stop);
            default:
                throw new Malformed("unknown element type 0x" + Integer.toHexString(type) + " at byte " + (p - 1));
        }
    }

    private int codeWithScope(int p, int stop, int depth) {
        int total = nonNegative(p, stop);
        int after = document(string(p + 4, stop), depth + 1);
        if (after != p + total) {
            throw new Malformed("code with scope at byte " + p + " has inconsistent length");
        }
        return after;
    }

    private int string(int p, int stop) {
        int length = nonNegative(p, stop);
        int after = fixed(p, 4 + length, stop);
        if (length < 1 || b[after - 1] != 0) {
            throw new Malformed("string at byte " + p + " is not terminated by 0x00");
        }
        return after;
    }

    private int cstring(int p, int stop) {
        for (int i = p; i < stop; i++) {
            if (b[i] == 0) {
                return i + 1;
            }
        }
        throw new Malformed("unterminated name at byte " + p);
    }

    private int fixed(int p, int size, int stop) {
        if (size < 0 || p + size > stop) {
            throw new Malformed("value at byte " + p + " runs past its document");
        }
        return p + size;
    }

    private int nonNegative(int p, int stop) {
        fixed(p, 4, stop);
        int v = int32(p);
        if (v < 0) {
            throw new Malformed("negative length at byte " + p);
        }
        return v;
    }

    private int int32(int p) {
        if (p + 4 > end) {
            throw new Malformed("length at byte " + p + " runs past the document");
        }
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }

    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
