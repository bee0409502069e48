package dev.runbook.diagnostic;

import dev.runbook.source.Span;

/** Renders a diagnostic as {@code path:line:col: error[RB0123]: message}, the source line and a caret. */
public final class DiagnosticFormatter {
    private DiagnosticFormatter() {}

    public static String format(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        out.append(location(d.span()))
                .append(d.severity().label())
                .append('[')
                .append(d.code())
                .append("]: ")
                .append(d.message())
                .append('\n');
        appendSource(out, d.span());
        for (Diagnostic.Note note : d.notes()) {
            if (note.span() == null) {
                out.append("  = help: ").append(note.text()).append('\n');
            } else {
                out.append("  = note: ")
                        .append(location(note.span()))
                        .append(note.text())
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String location(Span span) {
        if (span == null) {
            return "";
        }
        if (span.file().text().isEmpty()) {
            return span.path() + ": ";
        }
        return span.path() + ":" + span.start().line() + ":" + span.start().column() + ": ";
    }

    private static void appendSource(StringBuilder out, Span span) {
        if (span == null || span.file().text().isEmpty()) {
            return;
        }
        int line = span.start().line();
        String text = span.file().line(line).replace('\t', ' ');
        String gutter = String.valueOf(line);
        out.append(' ').append(gutter).append(" | ").append(text).append('\n');
        int width =
                span.end().line() == line ? span.end().column() - span.start().column() : 1;
        width = Math.max(
                1, Math.min(width, Math.max(1, text.length() - span.start().column() + 1)));
        out.append(' ')
                .append(" ".repeat(gutter.length()))
                .append(" | ")
                .append(" ".repeat(Math.max(0, span.start().column() - 1)))
                .append("^".repeat(width))
                .append('\n');
    }

    public static String summary(Diagnostics diagnostics) {
        int errors = diagnostics.errorCount();
        int warnings = diagnostics.warningCount();
        String text = errors + (errors == 1 ? " error" : " errors") + ", " + warnings
                + (warnings == 1 ? " warning" : " warnings");
        if (diagnostics.dropped() > 0) {
            text += " (" + diagnostics.dropped() + " more not shown)";
        }
        return text;
    }
}
