package dev.runbook.check;

import dev.runbook.check.rules.CallRule;
import dev.runbook.check.rules.DependenciesRule;
import dev.runbook.check.rules.DuplicateIdsRule;
import dev.runbook.check.rules.ExpressionsRule;
import dev.runbook.check.rules.NeedsRule;
import dev.runbook.check.rules.ParamsRule;
import dev.runbook.check.rules.StepTypesRule;
import dev.runbook.check.rules.UnreachableRule;
import dev.runbook.check.rules.UnusedParamsRule;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.spi.StepRegistry;
import java.util.ArrayList;
import java.util.List;

/** Runs every rule over a runbook. The result's graph is what the planner builds on. */
public final class Checker {
    private final StepRegistry registry;
    private final CallResolver calls;
    private final List<Rule> rules;

    public Checker(StepRegistry registry, CallResolver calls) {
        this(registry, calls, List.of());
    }

    /** With extra rules (e.g. the safety lint) run after the built-in ones. */
    public Checker(StepRegistry registry, CallResolver calls, List<Rule> extra) {
        this.registry = registry;
        this.calls = calls;
        List<Rule> all = new ArrayList<>(List.of(
                new ParamsRule(),
                new DuplicateIdsRule(),
                new StepTypesRule(),
                new NeedsRule(),
                new ExpressionsRule(),
                new DependenciesRule(),
                new CallRule(),
                new UnusedParamsRule(),
                new UnreachableRule()));
        all.addAll(extra);
        this.rules = List.copyOf(all);
    }

    public CheckContext check(Runbook runbook, Diagnostics diagnostics) {
        CheckContext context = new CheckContext(runbook, registry, diagnostics, calls);
        for (Rule rule : rules) {
            rule.check(context);
        }
        return context;
    }
}
