package dev.runbook.model;

import dev.runbook.model.expr.Expr;
import dev.runbook.source.Span;

/** A precondition: {@code require "message": condition}; the message may be null. */
/**
 * A precondition: {@code condition} must hold; {@code message} (null: the condition itself) says what it means, a
 * template that may read params and earlier outputs ({@code "the drill starts from ${main_branch}"}).
 */
public record Guard(Expr message, Expr condition, Span span) {}
