package dev.runbook.format;

import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.model.expr.Interpolated;
import dev.runbook.model.expr.ListExpr;
import dev.runbook.model.expr.Literal;
import dev.runbook.model.expr.MapExpr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Values in YAML. Guards are expression strings; every other value is a template: literals become YAML scalars
 * (durations plain, {@code 30s}), lists and maps flow collections, anything else {@code "${expr}"}. Strings are
 * plain when YAML reads them back as the same string, else double-quoted, or single-quoted when that avoids escapes.
 */
final class YamlScalars {
    private static final Pattern NOT_A_STRING =
            Pattern.compile("(?i)null|~|true|false|yes|no|on|off|[-+]?[0-9][0-9_]*|0o[0-7]+|0x[0-9a-f]+"
                    + "|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)(e[-+]?[0-9]+)?|[-+]?\\.inf|\\.nan"
                    + "|(\\d+(ms|h|m|s))+");
    private static final String FIRST_INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlScalars() {}

    /** An expression written as a YAML string (guards, expect, that). */
    static String expression(Expr e) {
        return string(ExprPrinter.print(e));
    }

    /** A value: YAML literal, flow collection or template. */
    static String value(Expr e) {
        if (e instanceof Literal lit) {
            return literal(lit);
        }
        if (e instanceof ListExpr list) {
            List<String> items = new ArrayList<>();
            list.items().forEach(i -> items.add(value(i)));
            return "[" + String.join(", ", items) + "]";
        }
        if (e instanceof MapExpr map) {
            List<String> entries = new ArrayList<>();
            map.entries().forEach(en -> entries.add(key(en.key()) + ": " + value(en.value())));
            return "{" + String.join(", ", entries) + "}";
        }
        return string(template(e));
    }

    /** The template text of a non-literal value: {@code ${expr}} parts in literal text. */
    static String template(Expr e) {
        if (!(e instanceof Interpolated interpolated)) {
            return "${" + ExprPrinter.print(e) + "}";
        }
        StringBuilder out = new StringBuilder();
        for (Expr part : interpolated.parts()) {
            if (part instanceof Literal lit && lit.value() instanceof String s) {
                if (s.contains("${")) {
                    return "${" + ExprPrinter.print(e) + "}";
                }
                out.append(s);
            } else {
                out.append("${").append(ExprPrinter.print(part)).append('}');
            }
        }
        return out.toString();
    }

    private static String literal(Literal lit) {
        Object v = lit.value();
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return s.contains("${") ? string("${" + ExprPrinter.print(lit) + "}") : string(s);
        }
        if (v instanceof Duration d) {
            return ExprPrinter.duration(d);
        }
        if (v instanceof Double d) {
            return d.isNaN() ? ".nan" : d.isInfinite() ? (d > 0 ? ".inf" : "-.inf") : d.toString();
        }
        return v.toString();
    }

    static String key(String key) {
        return string(key);
    }

    /** A string scalar, quoted only when YAML needs it. */
    static String string(String s) {
        if (isPlain(s)) {
            return s;
        }
        if (printable(s) && (s.indexOf('"') < 0 && s.indexOf('\\') < 0 || s.indexOf('\'') < 0)) {
            return s.indexOf('"') < 0 && s.indexOf('\\') < 0 ? "\"" + s + "\"" : "'" + s + "'";
        }
        return doubleQuoted(s);
    }

    private static boolean isPlain(String s) {
        if (s.isEmpty() || !printable(s) || NOT_A_STRING.matcher(s).matches()) {
            return false;
        }
        if (FIRST_INDICATORS.indexOf(s.charAt(0)) >= 0
                || Character.isWhitespace(s.charAt(0))
                || Character.isWhitespace(s.charAt(s.length() - 1))
                || s.endsWith(":")) {
            return false;
        }
        for (char c : ",[]{}".toCharArray()) {
            if (s.indexOf(c) >= 0) {
                return false;
            }
        }
        return s.indexOf(':') < 0 && s.indexOf('#') < 0 && s.indexOf('\t') < 0;
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == '\u007f' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                return false;
            }
        }
        return true;
    }

    private static String doubleQuoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < ' ' || c == '\u007f' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A {@code |-} block scalar for multi-line text in block context, or null when it would not read back. */
    static List<String> block(String s) {
        if (s.indexOf('\n') < 0 || s.endsWith("\n") || s.isEmpty() || Character.isWhitespace(s.charAt(0))) {
            return null;
        }
        String[] lines = s.split("\n", -1);
        for (String line : lines) {
            if (!printable(line.replace("\t", " ")) || !line.isEmpty() && line.isBlank()) {
                return null;
            }
        }
        return List.of(lines);
    }
}
