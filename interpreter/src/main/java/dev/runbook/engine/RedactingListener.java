package dev.runbook.engine;

import dev.runbook.plan.Redactor;
import java.util.Map;

/**
 * The one gate every event passes before a console, JSON or journal sees it: each string in its data is
 * redacted again, so a secret that slipped past the step that produced it still never reaches an output.
 */
public final class RedactingListener implements RunListener {
    private final Redactor redactor;
    private final RunListener next;

    public RedactingListener(Redactor redactor, RunListener next) {
        this.redactor = redactor;
        this.next = next;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void on(Event e) {
        Map<String, Object> data = (Map<String, Object>) redactor.redactValue(e.data());
        next.on(new Event(e.kind(), e.step(), e.time(), data));
    }
}
