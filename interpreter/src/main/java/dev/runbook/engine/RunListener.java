package dev.runbook.engine;

/** Hears the events of a run: the console view, JSON lines, the journal. Called from several threads. */
public interface RunListener {
    void on(Event event);

    static RunListener of(RunListener... listeners) {
        return event -> {
            for (RunListener l : listeners) {
                l.on(event);
            }
        };
    }
}
