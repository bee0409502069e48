package dev.runbook.etcd;

import static dev.runbook.etcd.EtcdClient.b64;
import static dev.runbook.etcd.EtcdClient.of;

import dev.runbook.engine.Event;
import dev.runbook.engine.JsonLinesListener;
import dev.runbook.engine.RunJournal;
import dev.runbook.json.Json;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's journal in etcd: one key per event under {@code runs/<run-id>/}, numbered on from the events already there
 * (a resumed run appends). Each write is a transaction that puts the event only while the run's lock key still has
 * the create revision it had when this run took it (the fence, also recorded in the event as {@code fence}), and
 * returns when a quorum has it. A write that etcd refuses or cannot take before the lease could lapse means the lock
 * can no longer be proven: the lock is marked lost, which stops the run at its next safe point, and nothing more is
 * written.
 */
final class EtcdJournal implements RunJournal {
    private final EtcdClient etcd;
    private final Keys keys;
    private final String runId;
    private final Map<String, Object> header;
    private final Clock clock;
    private final EtcdLock lock;
    private long seq;
    private IOException failure;
    private boolean headerWritten;

    EtcdJournal(
            EtcdClient etcd,
            Keys keys,
            String runId,
            Map<String, Object> header,
            Clock clock,
            EtcdLock lock,
            long firstSeq) {
        this.etcd = etcd;
        this.keys = keys;
        this.runId = runId;
        this.header = new LinkedHashMap<>(header);
        this.clock = clock;
        this.lock = lock;
        this.seq = firstSeq;
    }

    @Override
    public synchronized void on(Event event) {
        if ("step-output".equals(event.kind())) {
            return;
        }
        Map<String, Object> line = JsonLinesListener.toMap(event);
        if ("run-start".equals(event.kind()) && !headerWritten) {
            headerWritten = true;
            header.forEach(line::putIfAbsent);
        }
        write(line);
    }

    @Override
    public synchronized void note(String kind, Map<String, Object> data) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", kind);
        line.put("time", clock.instant().toString());
        line.putAll(data);
        write(line);
    }

    private void write(Map<String, Object> line) {
        if (failure != null) {
            return;
        }
        if (lock.lostBecause() != null) {
            failure = new IOException("the run's lock was lost: " + lock.lostBecause());
            return;
        }
        line.put("fence", lock.fence());
        String key = keys.event(runId, seq);
        try {
            Map<String, Object> txn = etcd.call(
                    "/v3/kv/txn",
                    of(
                            "compare",
                            List.of(of(
                                    "key",
                                    b64(lock.key()),
                                    "target",
                                    "CREATE",
                                    "create_revision",
                                    lock.fence(),
                                    "result",
                                    "EQUAL")),
                            "success",
                            List.of(of("request_put", of("key", b64(key), "value", b64(Json.write(line)))))),
                    lock.patience());
            if (!Boolean.TRUE.equals(txn.get("succeeded"))) {
                failure = new IOException("etcd refused the write: the lock is no longer this run's");
                lock.lose("its key in etcd is gone or belongs to another run (fence " + lock.fence() + ")");
                return;
            }
            seq++;
        } catch (IOException e) {
            failure = e;
            lock.lose("the journal could not be written to etcd in time (" + e.getMessage() + ")");
        }
    }

    @Override
    public synchronized IOException failure() {
        return failure;
    }

    @Override
    public void close() {
        // every event was written when on() returned; the lease and the client are the lock's and the state's
    }
}
