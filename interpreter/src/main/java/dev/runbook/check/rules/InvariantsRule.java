package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.expr.Scope;
import dev.runbook.expr.TypeChecker;
import dev.runbook.model.Arg;
import dev.runbook.model.Invariant;
import dev.runbook.model.NameRef;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Suggestions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code invariant} block: RB0160 an id given twice, RB0161 {@code compare} naming no output of the step type.
 * An invariant is read before the run starts, so its arguments see the params only (no {@code steps.x}).
 */
public final class InvariantsRule implements Rule {
    @Override
    public void check(CheckContext context) {
        Set<String> seen = new HashSet<>();
        Scope params = context.scope(null);
        for (Invariant inv : context.runbook().invariants()) {
            if (!seen.add(inv.id())) {
                context.diagnostics()
                        .error("RB0160", inv.idSpan(), "invariant `" + inv.id() + "` is given twice; keep one");
            }
            for (Arg a : inv.probe().args()) {
                TypeChecker.check(a.value(), params, context.diagnostics());
            }
            StepType type = context.type(inv.type()).orElse(null);
            if (type != null) {
                fields(context, inv, type);
            }
        }
    }

    private static void fields(CheckContext context, Invariant inv, StepType type) {
        List<String> outputs = type.outputs().stream().map(OutputSpec::name).toList();
        for (NameRef field : inv.compare()) {
            if (outputs.contains(field.name())) {
                continue;
            }
            Diagnostic d = Diagnostic.error(
                    "RB0161",
                    field.span(),
                    "`" + type.name() + "` has no output `" + field.name() + "` to compare; it has "
                            + String.join(", ", outputs));
            context.diagnostics()
                    .add(Suggestions.closest(field.name(), outputs)
                            .map(s -> d.withHint("did you mean `" + s + "`?"))
                            .orElse(d));
        }
    }
}
