package dev.runbook.model.expr;

import dev.runbook.source.Span;

/** `!x` or `-x`. */
public record Unary(String op, Expr operand, Span span) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitUnary(this);
    }
}
