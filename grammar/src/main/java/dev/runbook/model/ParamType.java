package dev.runbook.model;

import java.util.List;

/** A declared parameter type: {@code string int bool duration path secret list map enum(...)}. */
public record ParamType(Kind kind, List<String> choices) {
    public enum Kind {
        STRING,
        INT,
        BOOL,
        DURATION,
        PATH,
        SECRET,
        LIST,
        MAP,
        ENUM,
        DOUBLE;

        public String label() {
            return this == DOUBLE ? "number" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ParamType {
        choices = List.copyOf(choices);
    }

    public static ParamType of(Kind kind) {
        return new ParamType(kind, List.of());
    }

    /** The value type that expressions see. */
    public Type valueType() {
        return switch (kind) {
            case STRING, PATH, SECRET, ENUM -> Type.STRING;
            case INT -> Type.INT;
            case DOUBLE -> Type.DOUBLE;
            case BOOL -> Type.BOOL;
            case DURATION -> Type.DURATION;
            case LIST -> Type.LIST;
            case MAP -> Type.MAP;
        };
    }

    public boolean isSecret() {
        return kind == Kind.SECRET;
    }

    public String label() {
        if (kind != Kind.ENUM) {
            return kind.label();
        }
        StringBuilder out = new StringBuilder("enum(");
        for (int i = 0; i < choices.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(dev.runbook.model.expr.ExprPrinter.quote(choices.get(i)));
        }
        return out.append(')').toString();
    }
}
