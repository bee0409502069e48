package dev.runbook.cli.schema;

import dev.runbook.model.Type;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code with:} of one step type as JSON Schema: each argument typed and described, the required ones listed,
 * no others allowed. Any argument may instead be a {@code ${...}} template, whose type only the checker knows.
 */
final class ArgSchemas {

    private ArgSchemas() {}

    static Map<String, Object> with(StepType type) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<Object> required = new ArrayList<>();
        for (ParamSpec p : type.params()) {
            properties.put(p.name(), argument(p));
            if (p.required()) {
                required.add(p.name());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", required.isEmpty() ? List.of("object", "null") : "object");
        out.put("description", "arguments of " + type.name() + ": " + type.summary());
        out.put("properties", properties);
        if (!required.isEmpty()) {
            out.put("required", required);
        }
        out.put("additionalProperties", false);
        return out;
    }

    private static Map<String, Object> argument(ParamSpec p) {
        Map<String, Object> out = new LinkedHashMap<>();
        String label = p.type().label();
        StringBuilder text = new StringBuilder(p.description() == null ? "" : p.description());
        text.append(" (").append(label).append(p.required() ? ", required" : "");
        if (p.defaultValue() != null) {
            text.append(", default ").append(Values.show(p.defaultValue()));
        }
        text.append(')');
        out.put("description", text.toString().strip());
        Object typed = valueType(p.type());
        if (typed != null) {
            out.put("anyOf", List.of(typed, Obj.ref("template")));
        }
        Object shown = jsonDefault(p.defaultValue());
        if (shown != null) {
            out.put("default", shown);
        }
        return out;
    }

    /** The JSON form of a value of {@code type}; null for any value. Text arguments take numbers and bools too. */
    static Object valueType(Type type) {
        return switch (type) {
            case STRING -> Obj.of("type", List.of("string", "number", "boolean", "null"));
            case INT -> Obj.of("type", List.of("integer", "null"));
            case DOUBLE -> Obj.of("type", List.of("number", "null"));
            case BOOL -> Obj.of("type", List.of("boolean", "null"));
            case DURATION -> Obj.ref("duration");
            case LIST -> Obj.of("type", List.of("array", "null"));
            case MAP -> Obj.of("type", List.of("object", "null"));
            case NULL, ANY -> null;
        };
    }

    private static Object jsonDefault(Object value) {
        if (value instanceof Duration d) {
            return dev.runbook.model.expr.ExprPrinter.duration(d);
        }
        if (value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof List
                || value instanceof Map) {
            return value;
        }
        return null;
    }
}
