package dev.runbook.stdlib.mongo.dump;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * File names of collections in a dump directory, as mongodump writes them: Go's {@code url.QueryEscape}, and names
 * whose escaped form is longer than 238 bytes cut to 208 bytes plus {@code %24} and base64url(sha1(name)).
 */
public final class CollectionNames {
    static final int MAX_FILE_BASE = 238;
    private static final int KEPT_PREFIX = 208;
    private static final String TRUNCATION_MARK = "%24";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CollectionNames() {}

    /** The file name without extension for a collection. */
    public static String fileBase(String collection) {
        String escaped = escape(collection);
        if (escaped.length() <= MAX_FILE_BASE) {
            return escaped;
        }
        return escaped.substring(0, KEPT_PREFIX) + TRUNCATION_MARK + sha1Base64Url(collection);
    }

    /** Whether a file base name is a truncated long name, so the real name must come from the metadata. */
    public static boolean isTruncated(String fileBase) {
        return fileBase.length() == MAX_FILE_BASE && fileBase.contains(TRUNCATION_MARK);
    }

    /** Go's url.QueryEscape: unreserved bytes kept, space as '+', everything else %XX of its UTF-8 bytes. */
    public static String escape(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (unreserved(c)) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return out.toString();
    }

    /** Go's url.QueryUnescape; empty when the text holds a broken escape. */
    public static Optional<String> unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }

    private static String sha1Base64Url(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(name.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }
}
