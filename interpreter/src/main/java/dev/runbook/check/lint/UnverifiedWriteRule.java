package dev.runbook.check.lint;

import dev.runbook.check.CheckContext;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Step;
import dev.runbook.spi.Effect;
import java.util.Set;

/**
 * RB0602 (warning): a main step that writes, with no verify of its own, no read step after it, and no health gate
 * (the verifies of its {@code on} block). Finally and
 * on-failure steps are clean-up and alerts, best effort by design, so they are left alone.
 */
public final class UnverifiedWriteRule implements LintRule {
    @Override
    public String code() {
        return "RB0602";
    }

    @Override
    public String name() {
        return "unverified-write";
    }

    @Override
    public String help() {
        return "A step that changes something should be proven: a `verify` on the step, or a read step after it "
                + "(http.check, file.exists, pm2.describe...).";
    }

    @Override
    public void check(CheckContext context) {
        StepOrder order = StepOrder.of(context);
        if (order == null) {
            return;
        }
        Set<String> readAfter = order.withLater(s -> effect(context, s) == Effect.READ);
        for (Step s : context.runbook().steps()) {
            if (effect(context, s) == Effect.WRITE
                    && s.verifies().isEmpty()
                    && !readAfter.contains(s.id())
                    && !ReloadWithoutHealthCheckRule.gated(context, s)) {
                context.diagnostics()
                        .add(Diagnostic.warning(
                                        code(),
                                        s.idSpan(),
                                        "step `" + s.id() + "` (" + s.type()
                                                + ") changes something and nothing proves it worked")
                                .withHint("add `verify <condition on it>` to the step, or a read step after it"));
            }
        }
    }

    private static Effect effect(CheckContext context, Step s) {
        return s.invocation().isCall()
                ? null
                : context.type(s.type()).map(t -> t.effect()).orElse(null);
    }
}
