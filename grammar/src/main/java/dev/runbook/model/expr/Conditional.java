package dev.runbook.model.expr;

import dev.runbook.source.Span;

/** `condition ? then : otherwise`. */
public record Conditional(Expr condition, Expr then, Expr otherwise, Span span) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitConditional(this);
    }
}
