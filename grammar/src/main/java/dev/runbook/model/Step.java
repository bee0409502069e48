package dev.runbook.model;

import dev.runbook.model.expr.Expr;
import dev.runbook.source.Span;
import java.util.List;

/**
 * {@code step id = type { args }} and its clauses. Absent clauses are null (or empty lists); {@code onFailure}
 * null means the runbook's default.
 */
public record Step(
        String id,
        Span idSpan,
        Invocation invocation,
        Expr when,
        Expr unless,
        List<Guard> requires,
        List<Verify> verifies,
        Retry retry,
        Expr timeout,
        Confirm confirm,
        Invocation undo,
        FailurePolicy onFailure,
        List<NameRef> needs,
        Span span)
        implements Item {
    public Step {
        requires = List.copyOf(requires);
        verifies = List.copyOf(verifies);
        needs = List.copyOf(needs);
    }

    public String type() {
        return invocation.type();
    }
}
