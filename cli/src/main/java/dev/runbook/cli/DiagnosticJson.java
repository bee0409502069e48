package dev.runbook.cli;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A diagnostic as JSON: severity, code, path, line, column, end_line, end_column, message, notes. */
final class DiagnosticJson {
    private DiagnosticJson() {}

    static Map<String, Object> toMap(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", d.severity().label());
        m.put("code", d.code());
        span(m, d.span());
        m.put("message", d.message());
        List<Object> notes = new ArrayList<>();
        for (Diagnostic.Note n : d.notes()) {
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("message", n.text());
            span(note, n.span());
            notes.add(note);
        }
        m.put("notes", notes);
        return m;
    }

    private static void span(Map<String, Object> m, Span s) {
        if (s == null) {
            return;
        }
        m.put("path", s.path());
        if (!s.file().text().isEmpty()) {
            m.put("line", (long) s.start().line());
            m.put("column", (long) s.start().column());
            m.put("end_line", (long) s.end().line());
            m.put("end_column", (long) s.end().column());
        }
    }
}
