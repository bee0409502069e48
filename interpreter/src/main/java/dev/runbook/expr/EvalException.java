package dev.runbook.expr;

import dev.runbook.source.Span;

/** An expression that cannot be evaluated with the values of this run (e.g. latest() found no file). */
public final class EvalException extends RuntimeException {
    private final transient Span span;

    public EvalException(Span span, String message) {
        super(message);
        this.span = span;
    }

    public Span span() {
        return span;
    }
}
