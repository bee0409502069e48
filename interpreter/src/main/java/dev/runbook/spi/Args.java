package dev.runbook.spi;

import dev.runbook.model.Unknown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A step's evaluated arguments, with the step type's defaults filled in. The checker has already proved that
 * required arguments are present and that types match, so the typed getters only fail on a bug of ours.
 * In a plan, an argument that depends on an earlier step is an {@link Unknown}; {@code describe} should use
 * {@link #show} for anything that may be unknown.
 */
public final class Args {
    private final Map<String, Object> values;

    public Args(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Args of(Map<String, Object> values) {
        return new Args(values);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object get(String name) {
        return values.get(name);
    }

    public boolean isKnown(String name) {
        return !(values.get(name) instanceof Unknown);
    }

    public String string(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    public Optional<String> optString(String name) {
        return Optional.ofNullable(string(name));
    }

    public long integer(String name) {
        Object v = values.get(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(String.valueOf(v));
    }

    public double number(String name) {
        Object v = values.get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(String.valueOf(v));
    }

    public boolean bool(String name) {
        Object v = values.get(name);
        return v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v));
    }

    public Duration duration(String name) {
        Object v = values.get(name);
        return v instanceof Duration d ? d : null;
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        Object v = values.get(name);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    public List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        for (Object o : list(name)) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        Object v = values.get(name);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public Map<String, String> stringMap(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        map(name).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /** A value as a person reads it in a plan: strings as they are, unknowns as {@code <expr>}, lists joined. */
    public String show(String name) {
        return Values.show(values.get(name));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
