package dev.runbook.plan;

import dev.runbook.source.Span;

/** {@code to} runs after {@code from}, because of what is written at {@code span}. */
public record Edge(String from, String to, Kind kind, Span span) {
    public enum Kind {
        /** The previous item in file order. */
        ORDER,
        /** An explicit {@code needs}. */
        NEEDS,
        /** {@code to} reads {@code steps.<from>...}. */
        REFERENCE
    }
}
