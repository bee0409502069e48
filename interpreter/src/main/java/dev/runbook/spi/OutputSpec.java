package dev.runbook.spi;

import dev.runbook.model.Type;

/** One output a step type promises; later steps read it as {@code steps.<id>.<name>}, verifies as {@code it.<name>}. */
public record OutputSpec(String name, Type type, String description) {
    public static OutputSpec of(String name, Type type, String description) {
        return new OutputSpec(name, type, description);
    }
}
