package dev.runbook.model;

import dev.runbook.source.Span;
import java.util.List;

/** {@code parallel { step ... }}: steps that do not wait for each other. */
public record Parallel(List<Step> steps, Span span) implements Item {
    public Parallel {
        steps = List.copyOf(steps);
    }
}
