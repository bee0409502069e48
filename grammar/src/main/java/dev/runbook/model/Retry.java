package dev.runbook.model;

import dev.runbook.model.expr.Expr;
import dev.runbook.source.Span;

/** {@code retry 3 delay 2s backoff 2}: attempts in all, first delay, and the factor each delay grows by. */
public record Retry(Expr attempts, Expr delay, Expr backoff, Span span) {}
