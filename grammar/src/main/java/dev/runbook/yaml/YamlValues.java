package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.expr.Durations;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.ListExpr;
import dev.runbook.model.expr.Literal;
import dev.runbook.model.expr.MapExpr;
import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import dev.runbook.syntax.ExpressionParser;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * YAML scalars and collections to expressions. Guards are expressions; every other string is a template whose
 * {@code ${...}} parts are expressions (exactly one part is that expression). Plain YAML ints, floats, bools and
 * nulls are literals, and a plain scalar that reads as a duration ({@code 30s}, {@code 1h30m}) is a duration, as
 * in the DSL; quoted, it stays a string.
 */
final class YamlValues {
    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|h|m|s))+");
    private final YamlPositions positions;
    private final Diagnostics diagnostics;

    YamlValues(YamlPositions positions, Diagnostics diagnostics) {
        this.positions = positions;
        this.diagnostics = diagnostics;
    }

    SourceFile file() {
        return positions.file();
    }

    Span span(Node node) {
        return positions.of(node);
    }

    Span span(Node first, Node last) {
        return positions.of(first, last);
    }

    void report(Diagnostic d) {
        diagnostics.add(d);
    }

    void wrongKind(Node node, String message) {
        diagnostics.error("RB0014", span(node), message);
    }

    /** The items of a sequence, or an empty list after RB0014. */
    List<Node> list(Node node, String what) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        if (node instanceof ScalarNode s && isNull(s)) {
            return List.of();
        }
        wrongKind(node, what + " must be a list");
        return List.of();
    }

    /** The items of a sequence, or the one node given instead of a list (short form). */
    List<Node> oneOrMany(Node node) {
        return node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
    }

    /** A scalar's text, or null after RB0014 when it is a list, a mapping or empty. */
    String string(Node node, String what) {
        if (node instanceof ScalarNode s && !isNull(s)) {
            return s.getValue();
        }
        wrongKind(node, what + " must be a single value" + (node instanceof ScalarNode ? ", not empty" : ""));
        return null;
    }

    /** A guard or condition: the scalar's text is one expression. */
    Expr expression(Node node, String what) {
        String text = string(node, what);
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            wrongKind(node, what + " needs an expression, not an empty string");
            return null;
        }
        return parse((ScalarNode) node, true);
    }

    /** A string that may hold ${...} parts; non-string scalars, lists and maps are literals. */
    Expr value(Node node) {
        if (node instanceof SequenceNode seq) {
            List<Expr> items = new ArrayList<>();
            seq.getValue().forEach(n -> items.add(value(n)));
            return new ListExpr(items, span(node));
        }
        if (!(node instanceof ScalarNode s)) {
            YamlMap map = YamlMap.of(node, this, "a map value", null);
            List<MapExpr.Entry> entries = new ArrayList<>();
            for (Map.Entry<String, NodeTuple> e : map.entries().entrySet()) {
                entries.add(new MapExpr.Entry(
                        e.getKey(),
                        span(e.getValue().getKeyNode()),
                        value(e.getValue().getValueNode())));
            }
            return new MapExpr(entries, span(node));
        }
        Tag tag = s.getTag();
        if (isNull(s)) {
            return new Literal(null, span(s));
        }
        if (Tag.BOOL.equals(tag)) {
            return new Literal(s.getValue().equalsIgnoreCase("true"), span(s));
        }
        if (Tag.INT.equals(tag)) {
            return new Literal(integer(s), span(s));
        }
        if (Tag.FLOAT.equals(tag)) {
            return new Literal(floating(s.getValue()), span(s));
        }
        if (s.getScalarStyle() == ScalarStyle.PLAIN
                && DURATION.matcher(s.getValue()).matches()) {
            return new Literal(duration(s), span(s));
        }
        return parse(s, false);
    }

    /** A template (lock, confirm): like {@link #value} but a single value is required. */
    Expr template(Node node, String what) {
        if (!(node instanceof ScalarNode)) {
            wrongKind(node, what + " must be a single value");
            return null;
        }
        return value(node);
    }

    /** A name or description: a template printed back when it is not plain text, as the DSL does. */
    String text(Node node, String what) {
        String raw = string(node, what);
        if (raw == null) {
            return null;
        }
        Expr e = parse((ScalarNode) node, false);
        return e instanceof Literal lit && lit.value() instanceof String s ? s : raw;
    }

    /** {@code 30s}, {@code 1h30m}, {@code 250ms}, or a ${...} template; anything else is RB0003. */
    Expr duration(Node node, String what) {
        if (!(node instanceof ScalarNode s) || isNull(s)) {
            wrongKind(node, what + " must be a duration such as 30s");
            return null;
        }
        String text = s.getValue().strip();
        if (DURATION.matcher(text).matches()) {
            return new Literal(duration(s), span(s));
        }
        if (isString(s) && text.contains("${")) {
            return parse(s, false);
        }
        Diagnostic d = Diagnostic.error("RB0003", span(s), "bad duration `" + s.getValue() + "` for " + what);
        report(
                Tag.INT.equals(s.getTag())
                        ? d.withHint("add a unit: " + text + "s")
                        : d.withHint("use a number and a unit: 250ms, 30s, 5m, 1h30m"));
        return null;
    }

    /** An int or float literal (retry attempts, backoff) or a ${...} template. */
    Expr number(Node node, String what) {
        if (node instanceof ScalarNode s
                && (Tag.INT.equals(s.getTag())
                        || Tag.FLOAT.equals(s.getTag())
                        || isString(s) && s.getValue().contains("${"))) {
            return value(s);
        }
        wrongKind(node, what + " must be a number");
        return null;
    }

    /** Plain {@code ${NAME}} resolves to snakeyaml's env tag; we never substitute, so it is a string. */
    static boolean isString(ScalarNode s) {
        return Tag.STR.equals(s.getTag()) || Tag.ENV_TAG.equals(s.getTag());
    }

    static boolean isNull(ScalarNode s) {
        return Tag.NULL.equals(s.getTag());
    }

    private Duration duration(ScalarNode s) {
        try {
            return Durations.parse(s.getValue());
        } catch (IllegalArgumentException e) {
            diagnostics.error("RB0003", span(s), e.getMessage());
            return Duration.ZERO;
        }
    }

    private long integer(ScalarNode s) {
        String text = s.getValue().replace("_", "");
        int radix = 10;
        boolean negative = text.startsWith("-");
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        }
        try {
            BigInteger n = new BigInteger(digits, radix);
            return (negative ? n.negate() : n).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            diagnostics.error("RB0003", span(s), "integer " + s.getValue() + " is too large");
            return 0L;
        }
    }

    private static double floating(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith(".inf")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (t.equals(".nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(text);
    }

    /**
     * Parses a scalar's value as an expression or a template. When the value is the file text char for char, the
     * parser gets its offset directly; otherwise it parses the value on its own and the spans are moved back.
     */
    private Expr parse(ScalarNode s, boolean expression) {
        String value = s.getValue();
        int[] offsets = positions.valueOffsets(s);
        if (contiguous(offsets)) {
            return expression
                    ? ExpressionParser.parse(file(), offsets[0], value, diagnostics)
                    : ExpressionParser.parseTemplate(file(), offsets[0], value, diagnostics);
        }
        SourceFile scratch = SourceFile.of(file().path(), value);
        Diagnostics found = new Diagnostics(Integer.MAX_VALUE);
        Expr e = expression
                ? ExpressionParser.parse(scratch, 0, value, found)
                : ExpressionParser.parseTemplate(scratch, 0, value, found);
        SpanMover mover = new SpanMover(file(), offsets);
        found.all().forEach(d -> diagnostics.add(mover.move(d)));
        return mover.move(e);
    }

    private static boolean contiguous(int[] offsets) {
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] != offsets[0] + i) {
                return false;
            }
        }
        return true;
    }
}
