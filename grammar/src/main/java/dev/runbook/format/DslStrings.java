package dev.runbook.format;

import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.model.expr.Literal;

/**
 * Strings in the DSL: quoted on one line, or as a {@code """} text block when the text has several lines and reads
 * back exactly (no {@code ${}}, no {@code """}, no control characters, at least one line not indented).
 */
final class DslStrings {
    private static final String INDENT = "  ";

    private DslStrings() {}

    /** An expression; a plain multi-line string becomes a text block whose lines sit one level under {@code indent}. */
    static String expr(Expr e, int indent) {
        if (e instanceof Literal lit && lit.value() instanceof String s) {
            return text(s, indent);
        }
        return ExprPrinter.print(e);
    }

    /** Text that must read back as exactly {@code s}. */
    static String text(String s, int indent) {
        if (!fitsTextBlock(s)) {
            return ExprPrinter.quote(s);
        }
        String pad = INDENT.repeat(indent + 1);
        StringBuilder out = new StringBuilder("\"\"\"\n");
        for (String line : s.split("\n", -1)) {
            out.append(line.isEmpty() ? "" : pad).append(line).append('\n');
        }
        return out.append(pad).append("\"\"\"").toString();
    }

    static boolean fitsTextBlock(String s) {
        if (s.strip().indexOf('\n') < 0 || s.contains("\"\"\"") || s.contains("${")) {
            return false;
        }
        boolean flush = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' && c != '\n' && c != '\t' || c == '\u007f') {
                return false;
            }
        }
        for (String line : s.split("\n", -1)) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                flush = true;
            }
        }
        return flush;
    }
}
