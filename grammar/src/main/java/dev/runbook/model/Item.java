package dev.runbook.model;

import dev.runbook.source.Span;

/** An entry of a runbook's step list: a step, or a parallel block of steps. */
public sealed interface Item permits Step, Parallel {
    Span span();
}
