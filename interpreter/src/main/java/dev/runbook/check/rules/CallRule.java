package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Arg;
import dev.runbook.model.Invocation;
import dev.runbook.model.Param;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.spi.Suggestions;
import java.util.List;

/** A {@code call} must name a readable, valid runbook (RB0140) and give it known (RB0141) and required (RB0142) params. */
public final class CallRule implements Rule {
    @Override
    public void check(CheckContext context) {
        for (Step s : context.runbook().allSteps()) {
            Invocation inv = s.invocation();
            if (!inv.isCall()) {
                continue;
            }
            Runbook callee =
                    context.calls().resolve(context.runbook(), inv.target(), inv.targetSpan(), context.diagnostics());
            if (callee == null) {
                continue;
            }
            List<String> names = callee.params().stream().map(Param::name).toList();
            for (Arg a : inv.args()) {
                if (!names.contains(a.name())) {
                    Diagnostic d = Diagnostic.error(
                            "RB0141", a.nameSpan(), "runbook `" + callee.name() + "` has no param `" + a.name() + "`");
                    var suggestion = Suggestions.closest(a.name(), names);
                    context.diagnostics()
                            .add(suggestion
                                    .map(x -> d.withHint("did you mean `" + x + "`?"))
                                    .orElse(d));
                }
            }
            for (Param p : callee.params()) {
                if (p.required() && inv.arg(p.name()).isEmpty()) {
                    context.diagnostics()
                            .error(
                                    "RB0142",
                                    inv.targetSpan(),
                                    "runbook `" + callee.name() + "` needs the param `" + p.name() + "`");
                }
            }
        }
    }
}
