package dev.runbook.check.rules;

import dev.runbook.check.Rule;
import java.util.List;

/**
 * The built-in rules, in the order they must run: later rules read what earlier ones recorded (DependenciesRule
 * builds the graph from the reads that ExpressionsRule found).
 */
public final class CheckRules {
    private CheckRules() {}

    public static List<Rule> all() {
        return List.of(
                new ParamsRule(),
                new DuplicateIdsRule(),
                new StepTypesRule(),
                new HostBlocksRule(),
                new NeedsRule(),
                new ExpressionsRule(),
                new InvariantsRule(),
                new DependenciesRule(),
                new CallRule(),
                new UnusedParamsRule(),
                new UnreachableRule());
    }
}
