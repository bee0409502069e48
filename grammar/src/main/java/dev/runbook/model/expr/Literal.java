package dev.runbook.model.expr;

import dev.runbook.source.Span;

/** A constant: String, Long, Double, Boolean, java.time.Duration or null. */
public record Literal(Object value, Span span) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitLiteral(this);
    }
}
