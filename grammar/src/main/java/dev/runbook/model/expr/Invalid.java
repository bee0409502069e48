package dev.runbook.model.expr;

import dev.runbook.source.Span;

/**
 * An expression that did not parse. Its syntax error is already reported; it stands in the model so that the rest
 * of the file is still built and checked, and it has no type to complain about. A runbook that holds one never runs.
 */
public record Invalid(String text, Span span) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitInvalid(this);
    }
}
