package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Step;
import java.util.HashMap;
import java.util.Map;

/**
 * RB0110: two steps with one id (main, finally and on_failure steps share one namespace), or an {@code on} block
 * whose id (its target unless {@code as} names it) is a step's or another block's: {@code steps.<id>} must name
 * one thing.
 */
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
        Map<String, HostBlock> blocks = new HashMap<>();
        for (HostBlock h : context.runbook().hostBlocks()) {
            Step step = seen.get(h.id());
            HostBlock block = blocks.putIfAbsent(h.id(), h);
            if (step == null && block == null) {
                continue;
            }
            Diagnostic d = Diagnostic.error(
                            "RB0110",
                            h.idSpan(),
                            "the id `" + h.id() + "` of `" + HostBoundary.header(h) + "` is already used by "
                                    + (step != null ? "a step" : "another `on` block"))
                    .withNote(step != null ? step.idSpan() : block.idSpan(), "first used here")
                    .withHint("name the block with `as`, e.g. `on " + h.target() + " as " + h.id() + "_rollout`");
            context.diagnostics().add(d);
        }
    }
}
