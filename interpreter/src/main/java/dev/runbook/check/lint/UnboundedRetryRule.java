package dev.runbook.check.lint;

import dev.runbook.check.CheckContext;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Retry;
import dev.runbook.model.Step;
import dev.runbook.model.expr.Literal;
import java.time.Duration;

/** RB0606 (warning): a retry without a bound: more than 30 attempts, or no delay between them. */
public final class UnboundedRetryRule implements LintRule {
    static final long MAX_ATTEMPTS = 30;

    @Override
    public String code() {
        return "RB0606";
    }

    @Override
    public String name() {
        return "unbounded-retry";
    }

    @Override
    public String help() {
        return "Retries hammer a system that is already failing: keep attempts at " + MAX_ATTEMPTS + " or fewer and "
                + "wait between them (`retry 5 delay 2s backoff 2`); to wait for a state, use verify ... within.";
    }

    @Override
    public void check(CheckContext context) {
        for (Step s : context.runbook().allSteps()) {
            Retry r = s.retry();
            if (r == null) {
                continue;
            }
            if (r.attempts() instanceof Literal l && l.value() instanceof Long n && n > MAX_ATTEMPTS) {
                context.diagnostics()
                        .add(Diagnostic.warning(code(), r.span(), "step `" + s.id() + "` retries " + n + " times")
                                .withHint("at most " + MAX_ATTEMPTS + " attempts with a delay and backoff, or "
                                        + "`verify <condition> within <time>` to wait for a state"));
            } else if (r.delay() == null || r.delay() instanceof Literal d && Duration.ZERO.equals(d.value())) {
                context.diagnostics()
                        .add(Diagnostic.warning(
                                        code(),
                                        r.span(),
                                        "step `" + s.id() + "` retries with no delay between attempts")
                                .withHint("add `delay 2s` (and `backoff 2`)"));
            }
        }
    }
}
