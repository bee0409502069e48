package dev.runbook.diagnostic;

import dev.runbook.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects diagnostics up to a cap, so one run reports many mistakes without flooding. */
public final class Diagnostics {
    public static final int DEFAULT_CAP = 100;

    private final List<Diagnostic> items = new ArrayList<>();
    private final int cap;
    private int dropped;

    public Diagnostics() {
        this(DEFAULT_CAP);
    }

    public Diagnostics(int cap) {
        this.cap = cap;
    }

    public void add(Diagnostic diagnostic) {
        if (items.size() >= cap) {
            dropped++;
            return;
        }
        items.add(diagnostic);
    }

    public void error(String code, Span span, String message) {
        add(Diagnostic.error(code, span, message));
    }

    public void warning(String code, Span span, String message) {
        add(Diagnostic.warning(code, span, message));
    }

    public void addAll(Diagnostics other) {
        other.items.forEach(this::add);
        dropped += other.dropped;
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) items.stream().filter(Diagnostic::isError).count();
    }

    public int warningCount() {
        return items.size() - errorCount();
    }

    public int dropped() {
        return dropped;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Diagnostics sorted by file, position and code, so output is deterministic. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(
                        (Diagnostic d) -> d.span() == null ? "" : d.span().path())
                .thenComparingInt(d -> d.span() == null ? 0 : d.span().start().offset())
                .thenComparing(Diagnostic::code));
        return copy;
    }

    public List<Diagnostic> all() {
        return List.copyOf(items);
    }
}
