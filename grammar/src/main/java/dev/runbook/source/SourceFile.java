package dev.runbook.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The text of one runbook file and the offsets at which its lines start. */
public final class SourceFile {
    private final String path;
    private final String text;
    private final int[] lineStarts;

    private SourceFile(String path, String text) {
        this.path = path;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public static SourceFile of(String path, String text) {
        return new SourceFile(path, text);
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public boolean isYaml() {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }

    public Path location() {
        return Path.of(path);
    }

    /** The position of a 0-based character offset (clamped to the text). */
    public Position positionAt(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= clamped) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Position(lo + 1, clamped - lineStarts[lo] + 1, clamped);
    }

    /** The offset of a 1-based line and column. */
    public int offsetOf(int line, int column) {
        int index = Math.max(0, Math.min(line - 1, lineStarts.length - 1));
        return Math.min(text.length(), lineStarts[index] + Math.max(0, column - 1));
    }

    public Span span(int startOffset, int endOffset) {
        return new Span(this, positionAt(startOffset), positionAt(endOffset));
    }

    /** The text of a 1-based line without its line break. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        String raw = text.substring(start, Math.max(start, end));
        return raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
    }

    public String sha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
