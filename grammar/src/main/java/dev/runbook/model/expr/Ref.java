package dev.runbook.model.expr;

import dev.runbook.source.Span;

/** A bare name: a param, `it`, `steps`, `run`. */
public record Ref(String name, Span span) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitRef(this);
    }
}
