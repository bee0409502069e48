package dev.runbook.engine;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened in a run. Kinds: run-start, step-start, step-output, step-end, verify, undo, run-end,
 * and notice (a message for the operator). {@code data} holds plain, already redacted values.
 */
public record Event(String kind, String step, Instant time, Map<String, Object> data) {
    public Event {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public Object get(String key) {
        return data.get(key);
    }

    public String text(String key) {
        Object v = data.get(key);
        return v == null ? null : v.toString();
    }
}
