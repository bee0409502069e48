package dev.runbook.model;

import dev.runbook.model.expr.Expr;
import dev.runbook.source.Span;

/** A precondition: {@code require "message": condition}; the message may be null. */
public record Guard(String message, Expr condition, Span span) {}
