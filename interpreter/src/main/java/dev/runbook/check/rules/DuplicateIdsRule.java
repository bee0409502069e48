package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Step;
import java.util.HashMap;
import java.util.Map;

/** RB0110: two steps with one id (main, finally and on_failure steps share one namespace). */
public final class DuplicateIdsRule implements Rule {
    @Override
    public void check(CheckContext context) {
        Map<String, Step> seen = new HashMap<>();
        for (Step s : context.runbook().allSteps()) {
            Step first = seen.putIfAbsent(s.id(), s);
            if (first != null) {
                context.diagnostics()
                        .add(Diagnostic.error("RB0110", s.idSpan(), "step id `" + s.id() + "` is already used")
                                .withNote(first.idSpan(), "first used here"));
            }
        }
    }
}
