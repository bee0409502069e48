package dev.runbook.cli.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered JSON objects written inline, so the schema prints the same bytes every time. */
final class Obj {
    private Obj() {}

    /** {@code of("type", "string", "description", "...")}: keys and values in turn; null values are left out. */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                out.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return out;
    }

    static Map<String, Object> ref(String definition) {
        return of("$ref", "#/definitions/" + definition);
    }
}
