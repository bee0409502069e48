package dev.runbook.check.lint;

import dev.runbook.check.CheckContext;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Step;
import dev.runbook.spi.StepKinds;
import java.util.Set;

/**
 * RB0603 (warning): a reload or restart (pm2, nginx, a service) with no health check after it: no later
 * {@code http.check}, no {@code http.get} with a verify, no verified {@code pm2.describe} (for workers that serve
 * no HTTP), no final verify.
 */
public final class ReloadWithoutHealthCheckRule implements LintRule {
    @Override
    public String code() {
        return "RB0603";
    }

    @Override
    public String name() {
        return "reload-without-health-check";
    }

    @Override
    public String help() {
        return "After a reload or restart, prove the service answers: an http.check step after it (a verified "
                + "pm2.describe for a worker without HTTP), or a final `verify` with an http.get probe.";
    }

    @Override
    public void check(CheckContext context) {
        StepKinds kinds = new StepKinds(context.registry());
        StepOrder order = StepOrder.of(context);
        if (order == null || !context.runbook().verifies().isEmpty()) {
            return;
        }
        Set<String> checked = order.withLater(kinds::healthCheck);
        for (Step s : context.runbook().allSteps()) {
            if (kinds.reload(s) && !checked.contains(s.id()) && !gated(context, s)) {
                context.diagnostics()
                        .add(Diagnostic.warning(
                                        code(),
                                        s.idSpan(),
                                        "step `" + s.id() + "` (" + s.type()
                                                + ") reloads a service and nothing checks its health afterwards")
                                .withHint(
                                        "add an http.check step after it, or a final `verify` with an http.get probe"));
            }
        }
    }

    /** A step of an {@code on} block with verifies: they are each host's health gate. */
    static boolean gated(CheckContext context, Step s) {
        var block = context.hostBlockOf(s.id());
        return block != null && !block.verifies().isEmpty();
    }
}
