package dev.runbook.yaml;

import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The one place where snakeyaml marks become our spans. Marks count code points; our offsets count UTF-16 chars,
 * so a file with characters outside the BMP is converted through a table. For scalars it also maps every char of
 * the decoded value back to the file offset it came from (quotes, escapes, folding and block indentation undone),
 * so expressions parsed from a scalar report errors at their place in the YAML file.
 */
final class YamlPositions {
    private final SourceFile file;
    private final String text;
    private final int[] charOffsetOfCodePoint;

    YamlPositions(SourceFile file) {
        this.file = file;
        this.text = file.text();
        this.charOffsetOfCodePoint = text.length() == text.codePointCount(0, text.length()) ? null : table(text);
    }

    private static int[] table(String text) {
        int count = text.codePointCount(0, text.length());
        int[] offsets = new int[count + 1];
        int offset = 0;
        for (int i = 0; i < count; i++) {
            offsets[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        offsets[count] = text.length();
        return offsets;
    }

    SourceFile file() {
        return file;
    }

    /** The char offset of a code point index. */
    int offset(int codePointIndex) {
        if (charOffsetOfCodePoint == null) {
            return Math.max(0, Math.min(codePointIndex, text.length()));
        }
        int i = Math.max(0, Math.min(codePointIndex, charOffsetOfCodePoint.length - 1));
        return charOffsetOfCodePoint[i];
    }

    int offset(Optional<Mark> mark) {
        return mark.map(m -> offset(m.getIndex())).orElse(0);
    }

    Span of(Node node) {
        int start = offset(node.getStartMark());
        int end = Math.max(start, offset(node.getEndMark()));
        return file.span(start, trimEnd(start, end));
    }

    /** From the start of one node to the end of another (a key and its value). */
    Span of(Node first, Node last) {
        int start = offset(first.getStartMark());
        int end = Math.max(start, offset(last.getEndMark()));
        return file.span(start, trimEnd(start, end));
    }

    Span at(Mark mark) {
        int start = offset(mark.getIndex());
        return file.span(start, Math.min(text.length(), start + 1));
    }

    Span point(int offset) {
        return file.span(offset, Math.min(text.length(), offset + 1));
    }

    /** Block nodes end after their trailing line break; a span that stops at the last character reads better. */
    private int trimEnd(int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /**
     * For each char of the scalar's value, the file offset it was read from; the last entry is the end of the
     * content. Exact for plain and quoted scalars, line by line for block scalars.
     */
    int[] valueOffsets(ScalarNode node) {
        String value = node.getValue();
        int start = offset(node.getStartMark());
        int end = Math.max(start, offset(node.getEndMark()));
        ScalarStyle style = node.getScalarStyle();
        boolean block = style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED;
        int p = start;
        int indent = 0;
        if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
            p++;
            end = Math.max(p, end - 1);
        } else if (block) {
            p = lineAfter(p, end);
            indent = blockIndent(p, end);
            p = skipIndent(p, end, indent);
        }
        int[] map = new int[value.length() + 1];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            while (true) {
                if (p >= end) {
                    map[i] = end;
                    break;
                }
                char s = text.charAt(p);
                if (style == ScalarStyle.DOUBLE_QUOTED && s == '\\') {
                    if (p + 1 < end && (text.charAt(p + 1) == '\n' || text.charAt(p + 1) == '\r')) {
                        p = skipFlowWhitespace(p + 1, end);
                        continue;
                    }
                    map[i] = p;
                    p += escapeLength(p, end);
                    break;
                }
                if (style == ScalarStyle.SINGLE_QUOTED && s == '\'' && c == '\'') {
                    map[i] = p;
                    p += 2;
                    break;
                }
                if (s == c && s != '\n') {
                    map[i] = p++;
                    break;
                }
                if ((c == '\n' || c == ' ') && (s == '\n' || s == '\r')) {
                    map[i] = p;
                    p = s == '\r' && p + 1 < end && text.charAt(p + 1) == '\n' ? p + 2 : p + 1;
                    p = block ? skipIndent(p, end, indent) : skipLeadingSpaces(p, end);
                    break;
                }
                if (s == ' ' || s == '\t' || s == '\r' || s == '\n') {
                    p++;
                    if (s == '\n') {
                        p = block ? skipIndent(p, end, indent) : p;
                    }
                    continue;
                }
                map[i] = p++;
                break;
            }
        }
        map[value.length()] = value.isEmpty() ? Math.min(p, end) : Math.min(end, map[value.length() - 1] + 1);
        return map;
    }

    private int escapeLength(int p, int end) {
        if (p + 1 >= end) {
            return 1;
        }
        int len = switch (text.charAt(p + 1)) {
            case 'x' -> 4;
            case 'u' -> 6;
            case 'U' -> 10;
            default -> 2;
        };
        return Math.min(len, end - p);
    }

    private int lineAfter(int p, int end) {
        int nl = text.indexOf('\n', p);
        return nl < 0 || nl >= end ? end : nl + 1;
    }

    private int blockIndent(int p, int end) {
        int q = p;
        while (q < end) {
            int n = 0;
            while (q + n < end && text.charAt(q + n) == ' ') {
                n++;
            }
            if (q + n < end && text.charAt(q + n) != '\n' && text.charAt(q + n) != '\r') {
                return n;
            }
            q = lineAfter(q, end);
        }
        return 0;
    }

    private int skipIndent(int p, int end, int indent) {
        int q = p;
        while (q < end && q - p < indent && text.charAt(q) == ' ') {
            q++;
        }
        return q;
    }

    private int skipLeadingSpaces(int p, int end) {
        int q = p;
        while (q < end && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
            q++;
        }
        return q;
    }

    private int skipFlowWhitespace(int p, int end) {
        int q = p;
        while (q < end && Character.isWhitespace(text.charAt(q))) {
            q++;
        }
        return q;
    }
}
