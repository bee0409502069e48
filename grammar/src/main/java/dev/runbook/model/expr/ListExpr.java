package dev.runbook.model.expr;

import dev.runbook.source.Span;
import java.util.List;

/** {@code [a, b, c]}. */
public record ListExpr(List<Expr> items, Span span) implements Expr {
    public ListExpr {
        items = List.copyOf(items);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitList(this);
    }
}
