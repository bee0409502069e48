package dev.runbook.model;

import dev.runbook.source.Span;
import java.util.List;

/**
 * {@code step id = type { args } compare a, b} inside an {@code invariant} block: a read step whose outputs are
 * taken before a run and again after a failed run's undo, and must be the same. {@code compare} names the outputs
 * that count (empty: all of them), so that what changes on every read (a pid, an uptime) can be left out.
 */
public record Invariant(String id, Span idSpan, Invocation probe, List<NameRef> compare, Span span) {
    public Invariant {
        compare = List.copyOf(compare);
    }

    public String type() {
        return probe.type();
    }
}
