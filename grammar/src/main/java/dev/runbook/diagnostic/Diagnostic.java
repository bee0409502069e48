package dev.runbook.diagnostic;

import dev.runbook.source.Span;
import java.util.List;

/**
 * A user's mistake or a risk found in a runbook: a stable code (RB0123), where it is, what is wrong,
 * and notes (a related place, a hint).
 */
public record Diagnostic(Severity severity, String code, Span span, String message, List<Note> notes) {
    public Diagnostic {
        notes = List.copyOf(notes);
    }

    public static Diagnostic error(String code, Span span, String message) {
        return new Diagnostic(Severity.ERROR, code, span, message, List.of());
    }

    public static Diagnostic warning(String code, Span span, String message) {
        return new Diagnostic(Severity.WARNING, code, span, message, List.of());
    }

    public Diagnostic withNote(Span where, String text) {
        List<Note> more = new java.util.ArrayList<>(notes);
        more.add(new Note(where, text));
        return new Diagnostic(severity, code, span, message, more);
    }

    public Diagnostic withHint(String text) {
        return withNote(null, text);
    }

    public Diagnostic withSeverity(Severity other) {
        return new Diagnostic(other, code, span, message, notes);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** A related place (span may be null for a plain hint). */
    public record Note(Span span, String text) {}
}
