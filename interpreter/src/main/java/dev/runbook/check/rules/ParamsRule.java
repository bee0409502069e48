package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.expr.Scope;
import dev.runbook.expr.TypeChecker;
import dev.runbook.model.Param;
import dev.runbook.model.ParamType;
import dev.runbook.model.Type;
import dev.runbook.model.expr.Literal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** RB0130 duplicate params, RB0131 a default of the wrong type, RB0132 an enum default that is not a choice. */
public final class ParamsRule implements Rule {
    @Override
    public void check(CheckContext context) {
        Map<String, Param> seen = new HashMap<>();
        Map<String, Type> earlier = new LinkedHashMap<>();
        for (Param p : context.runbook().params()) {
            Param first = seen.putIfAbsent(p.name(), p);
            if (first != null) {
                context.diagnostics()
                        .add(Diagnostic.error("RB0130", p.nameSpan(), "param `" + p.name() + "` is declared twice")
                                .withNote(first.nameSpan(), "first declared here"));
            }
            if (p.defaultValue() != null) {
                Scope scope = new Scope(earlier, Map.of(), null, (id, span) -> {});
                Type t = TypeChecker.check(p.defaultValue(), scope, context.diagnostics());
                Type wanted = p.type().valueType();
                if (!wanted.accepts(t) && !(wanted == Type.STRING && t != Type.LIST && t != Type.MAP)) {
                    context.diagnostics()
                            .error(
                                    "RB0131",
                                    p.defaultValue().span(),
                                    "the default of `" + p.name() + "` is " + t.a() + ", but the param's type is "
                                            + p.type().label());
                }
                checkChoice(context, p);
            }
            earlier.put(p.name(), p.type().valueType());
        }
    }

    private static void checkChoice(CheckContext context, Param p) {
        if (p.type().kind() == ParamType.Kind.ENUM
                && p.defaultValue() instanceof Literal lit
                && !p.type().choices().contains(String.valueOf(lit.value()))) {
            context.diagnostics()
                    .add(Diagnostic.error(
                                    "RB0132",
                                    lit.span(),
                                    "default `" + lit.value() + "` is not one of the choices of `" + p.name() + "`")
                            .withHint("choices: " + String.join(", ", p.type().choices())));
        }
    }
}
