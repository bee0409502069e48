package dev.runbook.model.expr;

import java.time.Duration;
import java.util.Map;

/** Prints an expression in one canonical form: the same tree always gives the same text. */
public final class ExprPrinter implements ExprVisitor<String> {
    private static final ExprPrinter INSTANCE = new ExprPrinter(false);
    /** Inside {@code ${...}} of a double-quoted string, where a {@code "} would end the outer string. */
    private static final ExprPrinter INNER = new ExprPrinter(true);

    private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry("||", 1),
            Map.entry("&&", 2),
            Map.entry("==", 3),
            Map.entry("!=", 3),
            Map.entry("<", 3),
            Map.entry("<=", 3),
            Map.entry(">", 3),
            Map.entry(">=", 3),
            Map.entry("in", 3),
            Map.entry("+", 4),
            Map.entry("-", 4),
            Map.entry("*", 5),
            Map.entry("/", 5),
            Map.entry("%", 5));

    private static final java.util.Set<String> RESERVED = java.util.Set.of("true", "false", "null", "in");
    private final boolean inner;

    private ExprPrinter(boolean inner) {
        this.inner = inner;
    }

    public static String print(Expr expr) {
        return expr == null ? "" : expr.accept(INSTANCE);
    }

    public static String quote(String text) {
        return quote(text, '"');
    }

    /**
     * A string literal in single quotes, for the {@code ${...}} parts of a double-quoted string: every quote is
     * escaped, so the outer string does not end early.
     */
    static String quoteInner(String text) {
        return quote(text, '\'');
    }

    private static String quote(String text, char delimiter) {
        StringBuilder out = new StringBuilder().append(delimiter);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\'' -> out.append(delimiter == '\'' ? "\\'" : "'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '$' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '{' ? "\\$" : "$");
                default -> out.append(c);
            }
        }
        return out.append(delimiter).toString();
    }

    public static String duration(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long h = d.toHours();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        long ms = d.toMillisPart();
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (s > 0) {
            out.append(s).append('s');
        }
        if (ms > 0) {
            out.append(ms).append("ms");
        }
        return out.toString();
    }

    @Override
    public String visitLiteral(Literal e) {
        Object v = e.value();
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return inner ? quoteInner(s) : quote(s);
        }
        if (v instanceof Duration d) {
            return duration(d);
        }
        return v.toString();
    }

    @Override
    public String visitInvalid(Invalid e) {
        return e.text();
    }

    @Override
    public String visitRef(Ref e) {
        return e.name();
    }

    @Override
    public String visitMember(Member e) {
        return operand(e.target(), 9) + "." + e.name();
    }

    @Override
    public String visitIndex(Index e) {
        return operand(e.target(), 9) + "[" + show(e.index()) + "]";
    }

    @Override
    public String visitUnary(Unary e) {
        return e.op() + operand(e.operand(), 8);
    }

    @Override
    public String visitBinary(Binary e) {
        int p = PRECEDENCE.getOrDefault(e.op(), 3);
        return operand(e.left(), p) + " " + e.op() + " " + operand(e.right(), p + 1);
    }

    @Override
    public String visitConditional(Conditional e) {
        return operand(e.condition(), 1) + " ? " + show(e.then()) + " : " + show(e.otherwise());
    }

    @Override
    public String visitCall(Call e) {
        StringBuilder out = new StringBuilder(e.function()).append('(');
        for (int i = 0; i < e.args().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(show(e.args().get(i)));
        }
        return out.append(')').toString();
    }

    @Override
    public String visitInterpolated(Interpolated e) {
        char delimiter = inner ? '\'' : '"';
        StringBuilder out = new StringBuilder().append(delimiter);
        for (Expr part : e.parts()) {
            if (part instanceof Literal lit && lit.value() instanceof String s) {
                String quoted = quote(s, delimiter);
                out.append(quoted, 1, quoted.length() - 1);
            } else {
                out.append("${").append(part.accept(INNER)).append('}');
            }
        }
        return out.append(delimiter).toString();
    }

    @Override
    public String visitList(ListExpr e) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < e.items().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(show(e.items().get(i)));
        }
        return out.append(']').toString();
    }

    @Override
    public String visitMap(MapExpr e) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < e.entries().size(); i++) {
            MapExpr.Entry entry = e.entries().get(i);
            out.append(i == 0 ? "" : ", ").append(key(entry.key())).append(": ").append(show(entry.value()));
        }
        return out.append('}').toString();
    }

    /** A map or argument key: bare when it lexes as a name (the literals and {@code in} are not names), else quoted. */
    public static String key(String key) {
        boolean name = key.matches("[A-Za-z_][A-Za-z0-9_]*") && !RESERVED.contains(key);
        return name ? key : quote(key);
    }

    private String show(Expr e) {
        return e == null ? "" : e.accept(this);
    }

    private String operand(Expr e, int minPrecedence) {
        String text = show(e);
        int own = ownPrecedence(e);
        return own < minPrecedence ? "(" + text + ")" : text;
    }

    private static int ownPrecedence(Expr e) {
        if (e instanceof Binary b) {
            return PRECEDENCE.getOrDefault(b.op(), 3);
        }
        if (e instanceof Conditional) {
            return 0;
        }
        if (e instanceof Unary) {
            return 8;
        }
        return 10;
    }
}
