package dev.runbook.stdlib.mongo.dump;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening backup files: gzip by name or by magic number, buffered for sequential reads. */
public final class DumpFiles {
    private static final int BUFFER = 1 << 20;

    private DumpFiles() {}

    public static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return gzip
                    ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), BUFFER)
                    : new BufferedInputStream(raw, BUFFER);
        } catch (IOException e) {
            raw.close();
            throw new DumpFormatException(file + ": not a gzip file: " + e.getMessage(), e);
        }
    }

    /** Whether a file starts with the gzip magic number. */
    public static boolean isGzip(Path file) throws IOException {
        byte[] head = firstBytes(Files.newInputStream(file), 2);
        return head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /** Whether a (possibly gzipped) file starts with the archive magic number. */
    public static boolean isArchive(Path file, boolean gzip) throws IOException {
        byte[] head;
        try {
            head = firstBytes(open(file, gzip), 4);
        } catch (IOException e) {
            return false;
        }
        return head.length == 4 && BsonFrames.littleEndian(head) == ArchiveReader.MAGIC;
    }

    public static String readText(Path file, boolean gzip) throws IOException {
        try (InputStream in = open(file, gzip)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] firstBytes(InputStream stream, int n) throws IOException {
        try (InputStream in = stream) {
            return in.readNBytes(n);
        }
    }
}
