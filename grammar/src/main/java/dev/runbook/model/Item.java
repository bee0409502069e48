package dev.runbook.model;

import dev.runbook.source.Span;

/** An entry of a runbook's step list: a step, a parallel block of steps, or a block that runs on hosts. */
public sealed interface Item permits Step, Parallel, HostBlock {
    Span span();
}
