package dev.runbook.stdlib.mongo.dump;

/**
 * CRC-64/XZ (Go's {@code crc64.MakeTable(crc64.ECMA)} with {@code crc64.Update}), which mongodump stores at the end
 * of every namespace of an archive. The JDK has no CRC-64, so the table is built here.
 */
public final class Crc64 {
    private static final long POLY = 0xC96C5795D7870F42L;
    private static final long[] TABLE = table();

    private long crc = 0;

    /** Adds bytes to the checksum. */
    public void update(byte[] bytes, int offset, int length) {
        long c = ~crc;
        for (int i = offset; i < offset + length; i++) {
            c = TABLE[(int) ((c ^ bytes[i]) & 0xff)] ^ (c >>> 8);
        }
        crc = ~c;
    }

    /** The checksum so far, as the signed int64 that the archive stores. */
    public long value() {
        return crc;
    }

    private static long[] table() {
        long[] t = new long[256];
        for (int i = 0; i < 256; i++) {
            long c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
            }
            t[i] = c;
        }
        return t;
    }
}
