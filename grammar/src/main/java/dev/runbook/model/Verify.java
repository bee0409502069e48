package dev.runbook.model;

import dev.runbook.model.expr.Expr;
import dev.runbook.source.Span;

/**
 * A post-condition. On a step it reads {@code it}, the step's outputs; with a probe (a read step) it reads the
 * probe's outputs. {@code within}/{@code every} make it poll; both may be null.
 */
public record Verify(String name, Invocation probe, Expr condition, Expr within, Expr every, Span span) {}
