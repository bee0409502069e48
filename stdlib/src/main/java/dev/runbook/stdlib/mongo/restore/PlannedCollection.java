package dev.runbook.stdlib.mongo.restore;

import dev.runbook.stdlib.mongo.dump.DumpCollection;

/** A collection of the backup and where it goes. */
public record PlannedCollection(DumpCollection source, String db, String collection) {
    public String namespace() {
        return db + "." + collection;
    }
}
