package dev.runbook.expr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the protobuf text format to read cel-spec's test files: fields, nested messages, quoted strings
 * (adjacent ones joined, C-style escapes decoded as bytes then read as UTF-8) and bare scalars. Types are not
 * known here: every scalar is its text.
 */
final class CelTextproto {
    /** A message: its fields in order; a value is a String or a nested Message. */
    record Message(List<Map.Entry<String, Object>> fields) {
        Object get(String name) {
            return fields.stream()
                    .filter(f -> f.getKey().equals(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }

        List<Object> all(String name) {
            return fields.stream()
                    .filter(f -> f.getKey().equals(name))
                    .map(Map.Entry::getValue)
                    .toList();
        }

        Message message(String name) {
            return (Message) get(name);
        }

        String text(String name) {
            return (String) get(name);
        }
    }

    private final String src;
    private int pos;

    private CelTextproto(String src) {
        this.src = src;
    }

    static Message parse(String text) {
        CelTextproto p = new CelTextproto(text);
        Message m = p.message();
        p.skipSpace();
        if (p.pos < p.src.length()) {
            throw p.error("unexpected text");
        }
        return m;
    }

    private Message message() {
        List<Map.Entry<String, Object>> fields = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= src.length() || src.charAt(pos) == '}') {
                return new Message(fields);
            }
            String name = word();
            skipSpace();
            if (peek(':')) {
                pos++;
                skipSpace();
            }
            Object value;
            if (peek('{')) {
                pos++;
                value = message();
                expect('}');
            } else if (peek('"') || peek('\'')) {
                StringBuilder joined = new StringBuilder();
                while (peek('"') || peek('\'')) {
                    joined.append(quoted());
                    skipSpace();
                }
                value = joined.toString();
            } else {
                value = word();
            }
            fields.add(Map.entry(name, value));
            skipSpace();
            if (peek(',') || peek(';')) {
                pos++;
            }
        }
    }

    private String word() {
        int start = pos;
        while (pos < src.length()
                && (Character.isLetterOrDigit(src.charAt(pos)) || "_.+-".indexOf(src.charAt(pos)) >= 0)) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name or value");
        }
        return src.substring(start, pos);
    }

    private String quoted() {
        char quote = src.charAt(pos++);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (src.charAt(pos) != quote) {
            int c = src.codePointAt(pos);
            if (c != '\\') {
                bytes.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                pos += Character.charCount(c);
                continue;
            }
            char e = src.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case 't' -> bytes.write('\t');
                case 'v' -> bytes.write(11);
                case 'x', 'X' -> bytes.write(number(16, 2, 1));
                case 'u' ->
                    bytes.writeBytes(new String(Character.toChars(number(16, 4, 4))).getBytes(StandardCharsets.UTF_8));
                case 'U' ->
                    bytes.writeBytes(new String(Character.toChars(number(16, 8, 8))).getBytes(StandardCharsets.UTF_8));
                default -> {
                    if (e >= '0' && e <= '7') {
                        pos--;
                        bytes.write(number(8, 3, 1));
                    } else {
                        bytes.write(e); // \\ \' \" \?
                    }
                }
            }
        }
        pos++;
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private int number(int radix, int max, int min) {
        int start = pos;
        while (pos < src.length() && pos - start < max && Character.digit(src.charAt(pos), radix) >= 0) {
            pos++;
        }
        if (pos - start < min) {
            throw error("bad escape");
        }
        return Integer.parseInt(src.substring(start, pos), radix);
    }

    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private boolean peek(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw error("expected " + c);
        }
        pos++;
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException(what + " at offset " + pos);
    }
}
