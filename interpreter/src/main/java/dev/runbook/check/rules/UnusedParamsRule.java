package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Refs;
import dev.runbook.check.Rule;
import dev.runbook.model.Param;
import java.util.HashSet;
import java.util.Set;

/** RB0500 (warning): a param that nothing reads ({@code drill_target} is read by {@code runbook drill}). */
public final class UnusedParamsRule implements Rule {
    @Override
    public void check(CheckContext context) {
        Set<String> used = new HashSet<>();
        Refs.all(context.runbook()).forEach(e -> Refs.collect(e, used));
        for (Param p : context.runbook().params()) {
            if (!used.contains(p.name()) && !p.name().equals("drill_target")) {
                context.diagnostics().warning("RB0500", p.nameSpan(), "param `" + p.name() + "` is never used");
            }
        }
    }
}
