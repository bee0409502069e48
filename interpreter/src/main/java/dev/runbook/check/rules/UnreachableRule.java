package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.model.Step;
import dev.runbook.model.expr.Literal;

/** RB0501 (warning): a step that can never run ({@code when false}, {@code unless true}). */
public final class UnreachableRule implements Rule {
    @Override
    public void check(CheckContext context) {
        for (Step s : context.runbook().allSteps()) {
            if (s.when() instanceof Literal l && Boolean.FALSE.equals(l.value())) {
                context.diagnostics()
                        .warning(
                                "RB0501",
                                s.when().span(),
                                "step `" + s.id() + "` never runs: its `when` is always false");
            }
            if (s.unless() instanceof Literal l && Boolean.TRUE.equals(l.value())) {
                context.diagnostics()
                        .warning(
                                "RB0501",
                                s.unless().span(),
                                "step `" + s.id() + "` never runs: its `unless` is always true");
            }
        }
    }
}
