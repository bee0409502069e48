package dev.runbook.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boundary between values from outside (params, step outputs read from JSON or YAML, {@code it}) and the
 * evaluator: every integer becomes a {@link Long} and every floating-point number a {@link Double}, inside lists
 * and maps too, so an {@code Integer} output of a step compares equal to the literal {@code 200}. Applied once,
 * where a value comes in (bound params, a step's recorded outputs, {@code it}), never per evaluation.
 */
public final class Boundary {
    private Boundary() {}

    public static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return Double.parseDouble(f.toString());
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < Long.SIZE ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(k, normalize(x)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(normalize(x)));
            return out;
        }
        return v;
    }

    /** The same names with every value normalized. */
    public static Map<String, Object> normalizeAll(Map<String, Object> vars) {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((k, x) -> out.put(k, normalize(x)));
        return out;
    }
}
