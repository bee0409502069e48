package dev.runbook.model;

import dev.runbook.model.expr.Expr;
import dev.runbook.source.Span;

/** {@code param name: type = default "description"}; required when there is no default. */
public record Param(
        String name, Span nameSpan, ParamType type, Span typeSpan, Expr defaultValue, String description, Span span) {
    public boolean required() {
        return defaultValue == null;
    }
}
