package dev.runbook.engine;

/**
 * A runbook's lock held for a whole run. A local lock holds until it is closed; a lock in a shared store can be lost
 * while the run goes on (its lease not renewed in time), which {@link #onLost} reports and {@link #held()} proves.
 */
public interface StateLock extends AutoCloseable {
    LockHolder holder();

    /** The dead run whose lock this one took over, or null. */
    LockHolder takenOverFrom();

    /**
     * Whether this run can still prove that it holds the lock (asked before anything is undone). A lock that cannot be
     * lost always can.
     */
    default boolean held() {
        return true;
    }

    /** Calls {@code action} once, from another thread, when the lock is found lost. */
    default void onLost(Runnable action) {}

    /** Why the lock was lost, for the operator; null while it is held. */
    default String lostBecause() {
        return null;
    }

    @Override
    void close();
}
