package dev.runbook.model.expr;

import dev.runbook.source.Span;
import java.util.List;

/** A string with {@code ${...}} parts: string literals and expressions, concatenated. */
public record Interpolated(List<Expr> parts, Span span) implements Expr {
    public Interpolated {
        parts = List.copyOf(parts);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitInterpolated(this);
    }
}
