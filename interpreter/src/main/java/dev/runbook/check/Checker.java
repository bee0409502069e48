package dev.runbook.check;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.spi.StepRegistry;
import java.util.List;

/**
 * Runs rules over a runbook, in the order given. The result's graph is what the planner builds on. The rules are
 * given (the built-in ones are {@code check.rules.CheckRules.all()}, the lint is {@code check.lint.LintRules.all()})
 * so that this package, which the rules build on, does not depend on them.
 */
public final class Checker {
    private final StepRegistry registry;
    private final CallResolver calls;
    private final List<Rule> rules;

    public Checker(StepRegistry registry, CallResolver calls, List<? extends Rule> rules) {
        this.registry = registry;
        this.calls = calls;
        this.rules = List.copyOf(rules);
    }

    public CheckContext check(Runbook runbook, Diagnostics diagnostics) {
        CheckContext context = new CheckContext(runbook, registry, diagnostics, calls);
        for (Rule rule : rules) {
            rule.check(context);
        }
        return context;
    }
}
