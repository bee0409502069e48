package dev.runbook.model.expr;

import dev.runbook.source.Span;

/** `left op right` for the arithmetic, comparison, `in` and logical operators. */
public record Binary(String op, Expr left, Expr right, Span span) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitBinary(this);
    }
}
