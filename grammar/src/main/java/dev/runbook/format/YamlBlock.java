package dev.runbook.format;

import dev.runbook.model.Arg;
import dev.runbook.model.Invocation;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.Literal;
import dev.runbook.model.expr.MapExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Block-style YAML lines: {@code key: value} at a level, list items opened with {@code "- "} on their first key,
 * flow maps when they fit on one line, block maps otherwise.
 */
final class YamlBlock {
    static final int WIDTH = 100;
    private final Lines out;
    private boolean dash;

    YamlBlock(Lines out) {
        this.out = out;
    }

    Lines out() {
        return out;
    }

    /** The next key opens a list item: it is printed one level up, after {@code "- "}. */
    void item() {
        dash = true;
    }

    void key(int level, String text, int from, int to) {
        if (dash) {
            dash = false;
            out.line(level - 1, "- " + text, from, to);
        } else {
            out.line(level, text, from, to);
        }
    }

    /** {@code key: value} for a template value; multi-line text as a {@code |-} block. */
    void value(int level, String key, Expr value, int from, int to) {
        if (value instanceof MapExpr map && !map.entries().isEmpty() && !fits(level, key, value)) {
            blockMap(level, key, map, from);
            return;
        }
        List<String> lines = value instanceof Literal lit && lit.value() instanceof String s && !s.contains("${")
                ? YamlScalars.block(s)
                : null;
        if (lines == null) {
            key(level, key + ": " + YamlScalars.value(value), from, to);
            return;
        }
        text(level, key, lines, from, to);
    }

    private static boolean fits(int level, String key, Expr value) {
        return 2 * level + key.length() + 2 + YamlScalars.value(value).length() <= WIDTH;
    }

    /** A map too wide for one line: {@code key:}, then one entry a line (nested maps the same way). */
    private void blockMap(int level, String key, MapExpr map, int from) {
        key(level, key + ":", from, from);
        for (MapExpr.Entry e : map.entries()) {
            int entryFrom = DslPrinter.line(e.keySpan());
            value(
                    level + 1,
                    YamlScalars.key(e.key()),
                    e.value(),
                    entryFrom,
                    Math.max(entryFrom, DslPrinter.endLine(e.value().span())));
        }
    }

    /** {@code key: text} for plain text (descriptions, names). */
    void text(int level, String key, String text, int from, int to) {
        List<String> lines = YamlScalars.block(text);
        if (lines == null) {
            key(level, key + ": " + YamlScalars.string(text), from, to);
            return;
        }
        text(level, key, lines, from, to);
    }

    private void text(int level, String key, List<String> lines, int from, int to) {
        key(level, key + ": |-", from, from);
        for (String line : lines) {
            out.plainUnindented(line.isEmpty() ? "" : "  ".repeat(level + 1) + line);
        }
        out.comments(level + 1, out.pool().inner(from, to));
    }

    /** {@code type:}/{@code call:} and {@code with:} of an invocation, at {@code level}, from source lines from..to. */
    void invocation(int level, Invocation inv, int from, int to) {
        if (inv.isCall()) {
            key(level, "call: " + YamlScalars.string(inv.target()), from, from);
        } else {
            key(level, "type: " + YamlScalars.string(inv.type()), from, from);
        }
        if (inv.args().isEmpty()) {
            return;
        }
        String flow = "with: " + flowArgs(inv.args());
        if (2 * level + flow.length() <= WIDTH
                && !hasText(inv.args())
                && !out.pool().anyInside(from, to)) {
            key(level, flow, to, to);
            return;
        }
        key(level, "with:", -1, -1);
        for (Arg a : inv.args()) {
            int argFrom = DslPrinter.line(a.nameSpan());
            value(
                    level + 1,
                    YamlScalars.key(a.name()),
                    a.value(),
                    argFrom,
                    Math.max(argFrom, DslPrinter.endLine(a.value().span())));
        }
        out.comments(level + 1, out.pool().within(from, to));
    }

    static String flowArgs(List<Arg> args) {
        List<String> entries = new ArrayList<>();
        args.forEach(a -> entries.add(YamlScalars.key(a.name()) + ": " + YamlScalars.value(a.value())));
        return "{" + String.join(", ", entries) + "}";
    }

    private static boolean hasText(List<Arg> args) {
        return args.stream()
                .anyMatch(a -> a.value() instanceof Literal lit
                        && lit.value() instanceof String s
                        && !s.contains("${")
                        && YamlScalars.block(s) != null);
    }
}
