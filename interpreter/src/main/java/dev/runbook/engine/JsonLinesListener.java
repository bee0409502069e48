package dev.runbook.engine;

import dev.runbook.json.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --json}: one JSON object per event and line: {"event", "time", "step", ...data}. */
public final class JsonLinesListener implements RunListener {
    private final PrintStream out;

    public JsonLinesListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void on(Event event) {
        out.println(Json.write(toMap(event)));
        out.flush();
    }

    public static Map<String, Object> toMap(Event event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event.kind());
        m.put("time", event.time().toString());
        if (event.step() != null) {
            m.put("step", event.step());
        }
        m.putAll(event.data());
        return m;
    }
}
