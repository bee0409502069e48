package dev.runbook.check.lint;

import dev.runbook.check.CheckContext;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Step;
import dev.runbook.spi.StepKinds;
import java.util.Set;

/** RB0601 (warning): a destructive step that asks no one first (no {@code confirm}, no confirm step before it). */
public final class DestructiveWithoutConfirmRule implements LintRule {
    @Override
    public String code() {
        return "RB0601";
    }

    @Override
    public String name() {
        return "destructive-without-confirm";
    }

    @Override
    public String help() {
        return "A destructive step should ask a human first: add `confirm \"question?\"` (automation approves "
                + "with --yes or --approve ID), or a `confirm` step before it.";
    }

    @Override
    public void check(CheckContext context) {
        StepKinds kinds = new StepKinds(context.registry());
        StepOrder order = StepOrder.of(context);
        if (order == null) {
            return;
        }
        Set<String> gated = order.withEarlier(kinds::confirmStep);
        for (Step s : context.runbook().allSteps()) {
            if (kinds.destructive(s) && s.confirm() == null && !gated.contains(s.id())) {
                context.diagnostics()
                        .add(Diagnostic.warning(
                                        code(),
                                        s.idSpan(),
                                        "step `" + s.id() + "` (" + s.type() + ") is destructive and asks no one first")
                                .withHint("add `confirm \"...?\"`; automation approves it with --yes or --approve "
                                        + s.id()));
            }
        }
    }
}
