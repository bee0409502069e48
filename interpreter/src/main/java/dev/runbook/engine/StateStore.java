package dev.runbook.engine;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where runs keep their locks, journals and saved plans: a directory on this machine ({@link LocalState}, the
 * default) or a store a team shares. Run, resume, runs and show reach state only through this.
 */
public interface StateStore extends AutoCloseable {
    /** Where the state is, for messages (never with a password). */
    String where();

    /** The option that finds this state again from the current directory, with a leading space (or empty). */
    String flag();

    /** Takes the lock of {@code me.scope()}, waiting up to {@code wait} while someone alive holds it. */
    StateLock lock(LockHolder me, Duration wait, Clock clock) throws IOException, RunLock.Held, InterruptedException;

    /**
     * Opens (creating or appending to) a run's journal, written under {@code lock}.
     *
     * @param header extra fields for the first run-start line: plan hash, runbook path, params (masked), user...
     */
    RunJournal journal(String runId, Map<String, Object> header, Clock clock, StateLock lock) throws IOException;

    /** Keeps the plan a run started with, the first time only. */
    void savePlan(String runId, String planJson) throws IOException;

    /** The plan a run started with, or null. */
    String plan(String runId) throws IOException;

    /** Whether the run has a journal here; an IOException when the state cannot be read at all. */
    boolean hasRun(String runId) throws IOException;

    RunRecord read(String runId) throws IOException;

    /** Every run with a readable journal, newest first. */
    List<RunRecord> runs() throws IOException;

    /** The newest run of the runbook at {@code path} (absolute, normalized), or null. */
    default RunRecord latestRunOf(String path) throws IOException {
        if (path == null) {
            return null;
        }
        for (RunRecord r : runs()) {
            if (path.equals(r.path())) {
                return r;
            }
        }
        return null;
    }

    @Override
    default void close() {}
}
