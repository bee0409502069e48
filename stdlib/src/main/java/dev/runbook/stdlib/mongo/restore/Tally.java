package dev.runbook.stdlib.mongo.restore;

import java.util.concurrent.atomic.AtomicLong;

/** Counts of one destination collection, updated by the insert workers. */
public final class Tally {
    private final String namespace;
    private final long expected;
    private final AtomicLong restored = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public Tally(String namespace, long expected) {
        this.namespace = namespace;
        this.expected = expected;
    }

    void add(long inserted, long failed) {
        restored.addAndGet(inserted);
        failures.addAndGet(failed);
    }

    public String namespace() {
        return namespace;
    }

    public long expected() {
        return expected;
    }

    public long restored() {
        return restored.get();
    }

    public long failures() {
        return failures.get();
    }
}
