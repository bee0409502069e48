package dev.runbook.spi;

import dev.runbook.model.Type;

/**
 * One parameter of a step type. {@code defaultValue} is used when the runbook does not give the argument
 * (null for none). Values are plain Java: String, Long, Double, Boolean, java.time.Duration, List, Map.
 */
public record ParamSpec(String name, Type type, boolean required, Object defaultValue, String description) {
    public static ParamSpec required(String name, Type type, String description) {
        return new ParamSpec(name, type, true, null, description);
    }

    public static ParamSpec optional(String name, Type type, Object defaultValue, String description) {
        return new ParamSpec(name, type, false, defaultValue, description);
    }
}
