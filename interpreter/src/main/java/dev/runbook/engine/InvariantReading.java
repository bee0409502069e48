package dev.runbook.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one invariant read: the fields it compares (in declared order), or why it could not be read ({@code error}
 * not null). Two readings are compared field by field.
 */
public record InvariantReading(String id, Map<String, Object> fields, String error) {
    public InvariantReading {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static InvariantReading failed(String id, String error) {
        return new InvariantReading(id, Map.of(), error);
    }
}
