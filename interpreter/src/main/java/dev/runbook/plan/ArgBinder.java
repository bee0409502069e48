package dev.runbook.plan;

import dev.runbook.expr.Env;
import dev.runbook.expr.EvalException;
import dev.runbook.expr.Evaluator;
import dev.runbook.model.Arg;
import dev.runbook.model.Invocation;
import dev.runbook.model.Type;
import dev.runbook.model.Unknown;
import dev.runbook.spi.Args;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates an invocation's arguments in the step type's declared order, fills in defaults, and converts values
 * to the declared types (numbers and bools to text where text is wanted). The same code serves plans (where
 * some values are {@link Unknown}) and runs.
 */
public final class ArgBinder {
    private ArgBinder() {}

    public static Args bind(StepType type, Invocation inv, Env env) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : type.params()) {
            Arg arg = inv.arg(spec.name()).orElse(null);
            Object v = arg == null ? spec.defaultValue() : Evaluator.eval(arg.value(), env);
            values.put(spec.name(), coerce(spec.type(), v));
        }
        return new Args(values);
    }

    /** Arguments of a call (no schema): evaluated as written. */
    public static Map<String, Object> evaluate(Invocation inv, Env env) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Arg a : inv.args()) {
            values.put(a.name(), Evaluator.eval(a.value(), env));
        }
        return values;
    }

    /** Like {@link #bind}, but an argument that cannot be evaluated yet becomes an Unknown naming the problem. */
    public static Args bindForPlan(StepType type, Invocation inv, Env env) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : type.params()) {
            Arg arg = inv.arg(spec.name()).orElse(null);
            Object v;
            try {
                v = arg == null ? spec.defaultValue() : Evaluator.eval(arg.value(), env);
            } catch (EvalException e) {
                v = new Unknown("error: " + e.getMessage());
            }
            values.put(spec.name(), coerce(spec.type(), v));
        }
        return new Args(values);
    }

    static Object coerce(Type type, Object v) {
        if (v == null || v instanceof Unknown) {
            return v;
        }
        if (type == Type.STRING && !(v instanceof String)) {
            return Evaluator.text(v);
        }
        if (type == Type.DOUBLE && v instanceof Long n) {
            return n.doubleValue();
        }
        return v;
    }
}
