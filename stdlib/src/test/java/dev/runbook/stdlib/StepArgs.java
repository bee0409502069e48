package dev.runbook.stdlib;

import dev.runbook.spi.Args;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Arguments as the engine hands them to a step: the given ones plus the step type's defaults. */
public final class StepArgs {
    private StepArgs() {}

    public static Args of(StepType type, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : type.params()) {
            if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            }
        }
        for (String name : given.keySet()) {
            if (type.params().stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException(type.name() + " has no parameter " + name);
            }
        }
        values.putAll(given);
        return Args.of(values);
    }
}
