package dev.runbook.model.expr;

import dev.runbook.source.Span;
import java.util.List;

/** A call of a function from the fixed table: {@code name(args)}. */
public record Call(String function, List<Expr> args, Span span) implements Expr {
    public Call {
        args = List.copyOf(args);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitCall(this);
    }
}
