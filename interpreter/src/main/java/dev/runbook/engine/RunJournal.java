package dev.runbook.engine;

import java.io.IOException;
import java.util.Map;

/**
 * A run's durable record as the engine writes it: every event (step output left out), plus notes the engine does not
 * announce. A write that fails never throws: the first failure is kept for {@link #failure()}.
 */
public interface RunJournal extends RunListener, AutoCloseable {
    /** Records something the engine does not announce (e.g. a lock taken over from a dead holder). */
    void note(String kind, Map<String, Object> data);

    /** The first write that failed, or null. */
    IOException failure();

    @Override
    void close();
}
