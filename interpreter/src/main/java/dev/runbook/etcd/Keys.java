package dev.runbook.etcd;

import java.util.Locale;

/** The keys of one state prefix: a lock per scope, a run's events one key each, its plan, and whether it runs. */
record Keys(String prefix) {
    String lock(String scope) {
        return prefix + "/locks/" + scope;
    }

    /** Held by the running run's lease: gone when it ends or its lease expires. */
    String alive(String runId) {
        return prefix + "/alive/" + runId;
    }

    String alive() {
        return prefix + "/alive/";
    }

    String plan(String runId) {
        return prefix + "/plans/" + runId;
    }

    String runs() {
        return prefix + "/runs/";
    }

    String events(String runId) {
        return runs() + runId + "/";
    }

    String event(String runId, long seq) {
        return events(runId) + String.format(Locale.ROOT, "%08d", seq);
    }

    /** The run id of a key under {@link #runs()}. */
    String runOf(String eventKey) {
        String rest = eventKey.substring(runs().length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
