package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.HostBlock;
import dev.runbook.model.NameRef;
import dev.runbook.model.Step;
import dev.runbook.spi.Suggestions;
import java.util.ArrayList;
import java.util.List;

/**
 * RB0111: {@code needs} names a step that is not a main step of this runbook (nor an {@code on} block), or the
 * step itself. RB0174: {@code needs} across the edge of an {@code on} block: a step in a block needs only steps of
 * that block (the block starts after the steps before it anyway), and a step outside needs the block, not one of
 * its steps.
 */
public final class NeedsRule implements Rule {
    @Override
    public void check(CheckContext context) {
        List<String> ids =
                new ArrayList<>(context.runbook().steps().stream().map(Step::id).toList());
        context.runbook().hostBlocks().forEach(h -> ids.add(h.id()));
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
                } else if (!context.runbook().hostBlocks().isEmpty()) {
                    acrossBlocks(context, s, need);
                }
            }
        }
    }

    private static void acrossBlocks(CheckContext context, Step s, NameRef need) {
        HostBlock own = context.hostBlockOf(s.id());
        HostBlock of = context.hostBlockOf(need.name());
        HostBlock needed = context.hostBlock(need.name());
        if (own != null && of != own) {
            String what = needed == null ? "step `" + need.name() + "`" : "block `" + need.name() + "`";
            context.diagnostics()
                    .add(Diagnostic.error(
                                    "RB0174",
                                    need.span(),
                                    "step `" + s.id() + "` is in `" + HostBoundary.header(own) + "`: it needs only"
                                            + " steps of that block, not " + what)
                            .withHint("the block starts after the steps before it; drop this need"));
        } else if (own == null && of != null) {
            context.diagnostics()
                    .error(
                            "RB0174",
                            need.span(),
                            "step `" + s.id() + "` needs `" + need.name() + "`, a step of `" + HostBoundary.header(of)
                                    + "`, which runs per host; need the block instead: `needs " + of.id() + "`");
        }
    }
}
