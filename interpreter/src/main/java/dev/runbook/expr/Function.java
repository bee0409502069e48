package dev.runbook.expr;

import dev.runbook.model.Type;
import java.util.List;

/**
 * One entry of the function table: its parameter types (the last may be optional), result type, and body.
 * Bodies get already evaluated, known arguments.
 */
public record Function(String name, List<Type> params, int required, Type result, Body body, String doc) {
    public Function {
        params = List.copyOf(params);
    }

    @FunctionalInterface
    public interface Body {
        Object apply(List<Object> args, Env env);
    }

    public String signature() {
        StringBuilder out = new StringBuilder(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(params.get(i).label()).append(i >= required ? "?" : "");
        }
        return out.append(") -> ").append(result.label()).toString();
    }
}
