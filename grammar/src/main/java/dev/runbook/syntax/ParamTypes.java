package dev.runbook.syntax;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.ParamType;
import dev.runbook.source.Span;
import java.util.Arrays;
import java.util.Locale;

/** The names of parameter types, shared by both syntaxes. */
public final class ParamTypes {
    private ParamTypes() {
    }

    public static ParamType.Kind kind(String name) {
        if ("number".equals(name) || "float".equals(name)) {
            return ParamType.Kind.DOUBLE;
        }
        for (ParamType.Kind k : ParamType.Kind.values()) {
            if (k.label().equals(name) && k != ParamType.Kind.DOUBLE) {
                return k;
            }
        }
        return null;
    }

    public static Diagnostic unknown(String name, Span span) {
        String known = String.join(", ", Arrays.stream(ParamType.Kind.values())
                .filter(k -> k != ParamType.Kind.DOUBLE).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
        return Diagnostic.error("RB0004", span, "unknown parameter type `" + name + "`")
                .withHint("use one of: " + known + ", number");
    }
}
