package dev.runbook.model;

import dev.runbook.model.expr.Expr;
import dev.runbook.source.Span;

/** A human gate before a step: the question asked. */
public record Confirm(Expr message, Span span) {}
