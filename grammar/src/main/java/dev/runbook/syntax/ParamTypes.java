package dev.runbook.syntax;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.ParamType;
import dev.runbook.source.Span;
import java.util.Arrays;

/** The names of parameter types, shared by both syntaxes. */
public final class ParamTypes {
    private ParamTypes() {}

    public static ParamType.Kind kind(String name) {
        if ("float".equals(name)) {
            return ParamType.Kind.DOUBLE;
        }
        for (ParamType.Kind k : ParamType.Kind.values()) {
            if (k.label().equals(name)) {
                return k;
            }
        }
        return null;
    }

    public static Diagnostic unknown(String name, Span span) {
        String known = String.join(
                ", ",
                Arrays.stream(ParamType.Kind.values())
                        .map(ParamType.Kind::label)
                        .toList());
        return Diagnostic.error("RB0004", span, "unknown parameter type `" + name + "`")
                .withHint("use one of: " + known);
    }
}
