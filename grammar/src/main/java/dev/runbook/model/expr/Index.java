package dev.runbook.model.expr;

import dev.runbook.source.Span;

/** `target[index]`. */
public record Index(Expr target, Expr index, Span span) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitIndex(this);
    }
}
