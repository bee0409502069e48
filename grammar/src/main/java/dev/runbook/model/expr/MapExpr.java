package dev.runbook.model.expr;

import dev.runbook.source.Span;
import java.util.List;

/** {@code {key: value, ...}}, keys kept in written order. */
public record MapExpr(List<Entry> entries, Span span) implements Expr {
    public MapExpr {
        entries = List.copyOf(entries);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitMap(this);
    }

    public record Entry(String key, Span keySpan, Expr value) {}
}
