package dev.runbook.model.expr;

import dev.runbook.source.Span;

/** An expression of the CEL-style sub-language; every node knows where it was written. */
public sealed interface Expr
        permits Literal,
                Invalid,
                Ref,
                Member,
                Index,
                Unary,
                Binary,
                Conditional,
                Call,
                Interpolated,
                ListExpr,
                MapExpr {
    Span span();

    <R> R accept(ExprVisitor<R> visitor);
}
