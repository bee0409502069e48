package dev.runbook.model.expr;

import dev.runbook.source.Span;

/** `target.name`. */
public record Member(Expr target, String name, Span span) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitMember(this);
    }
}
