package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.NameRef;
import dev.runbook.model.Step;
import dev.runbook.spi.Suggestions;
import java.util.List;

/** RB0111: {@code needs} names a step that is not a main step of this runbook, or the step itself. */
public final class NeedsRule implements Rule {
    @Override
    public void check(CheckContext context) {
        List<String> ids = context.runbook().steps().stream().map(Step::id).toList();
        for (Step s : context.runbook().allSteps()) {
            for (NameRef need : s.needs()) {
                if (need.name().equals(s.id())) {
                    context.diagnostics().error("RB0111", need.span(), "step `" + s.id() + "` cannot need itself");
                } else if (!ids.contains(need.name())) {
                    Diagnostic d =
                            Diagnostic.error("RB0111", need.span(), "`needs` names no step `" + need.name() + "`");
                    var suggestion = Suggestions.closest(need.name(), ids);
                    context.diagnostics()
                            .add(suggestion
                                    .map(x -> d.withHint("did you mean `" + x + "`?"))
                                    .orElse(d));
                }
            }
        }
    }
}
