package dev.runbook.syntax;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.Interpolated;
import dev.runbook.model.expr.Invalid;
import dev.runbook.model.expr.Literal;
import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Strings with {@code ${expr}} parts. Literal text is unescaped (DSL strings only); each part is parsed on its own
 * at its exact offset. A string that is exactly one {@code ${expr}} is that expression, with its own type, in both
 * syntaxes, so the DSL and YAML forms give the same model.
 */
final class Templates {
    static final String CODE = "RB0002";

    private Templates() {}

    /**
     * @param raw      the text as written (without quotes), starting at {@code offset} in the file
     * @param escapes  whether backslash escapes apply (DSL strings) or not (YAML values, already decoded)
     */
    static Expr parse(
            SourceFile file, int offset, String raw, String unused, boolean escapes, Diagnostics diagnostics) {
        List<Expr> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int literalStart = 0;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (escapes && c == '\\' && i + 1 < raw.length()) {
                int consumed = unescape(raw, i, literal, file, offset, diagnostics);
                i += consumed;
                continue;
            }
            if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                int close = findClose(raw, i + 2);
                if (close < 0) {
                    diagnostics.error(
                            CODE,
                            file.span(offset + i, offset + raw.length()),
                            "unterminated ${ in string: add the closing }");
                    return new Invalid(raw, file.span(offset, offset + raw.length()));
                }
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString(), file.span(offset + literalStart, offset + i)));
                    literal.setLength(0);
                }
                String inner = raw.substring(i + 2, close);
                if (inner.isBlank()) {
                    diagnostics.error(CODE, file.span(offset + i, offset + close + 1), "empty ${} in string");
                } else {
                    parts.add(ExpressionParser.parse(file, offset + i + 2, inner, diagnostics));
                }
                i = close + 1;
                literalStart = i;
                continue;
            }
            literal.append(c);
            i++;
        }
        Span whole = file.span(offset, offset + raw.length());
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(new Literal(literal.toString(), file.span(offset + literalStart, offset + raw.length())));
        }
        if (parts.size() == 1) {
            return parts.get(0) instanceof Literal lit ? new Literal(lit.value(), whole) : parts.get(0);
        }
        return new Interpolated(parts, whole);
    }

    private static int unescape(String raw, int i, StringBuilder out, SourceFile file, int offset, Diagnostics d) {
        char next = raw.charAt(i + 1);
        switch (next) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case '"' -> out.append('"');
            case '\'' -> out.append('\'');
            case '\\' -> out.append('\\');
            case '$' -> out.append('$');
            case 'u' -> {
                if (i + 6 <= raw.length() && raw.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                    out.append((char) Integer.parseInt(raw.substring(i + 2, i + 6), 16));
                    return 6;
                }
                d.error(CODE, file.span(offset + i, offset + i + 2), "\\u needs four hex digits, e.g. \\u00e9");
            }
            default ->
                d.error(
                        CODE,
                        file.span(offset + i, offset + i + 2),
                        "unknown escape \\" + next + " (use \\n \\t \\r \\\" \\\\ \\$ or \\uXXXX)");
        }
        return 2;
    }

    /** The index of the } that closes a ${ whose content starts at {@code from}, skipping nested braces and strings. */
    private static int findClose(String raw, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }
}
