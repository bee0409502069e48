package dev.runbook.model;

import dev.runbook.source.Span;

/** A name written in the runbook that refers to something else, e.g. a step id in {@code needs}. */
public record NameRef(String name, Span span) {}
