package dev.runbook.model;

import dev.runbook.model.expr.Expr;
import dev.runbook.source.Span;

/** One {@code name: value} argument of a step invocation. */
public record Arg(String name, Span nameSpan, Expr value) {}
