package dev.runbook.etcd;

import static dev.runbook.etcd.EtcdClient.b64;
import static dev.runbook.etcd.EtcdClient.list;
import static dev.runbook.etcd.EtcdClient.num;
import static dev.runbook.etcd.EtcdClient.of;
import static dev.runbook.etcd.EtcdClient.rangeEnd;
import static dev.runbook.etcd.EtcdClient.text;

import dev.runbook.engine.JournalReader;
import dev.runbook.engine.LockHolder;
import dev.runbook.engine.RunJournal;
import dev.runbook.engine.RunLock;
import dev.runbook.engine.RunRecord;
import dev.runbook.engine.StateLock;
import dev.runbook.engine.StateStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A team's state in etcd, under one prefix: locks as leased keys ({@link EtcdLock}), journals one key per event
 * ({@link EtcdJournal}), the plan each run started with, and an {@code alive} key per running run on its lease, so
 * that any machine sees which runs still run and which crashed. Reads are linearizable (etcd's default).
 */
public final class EtcdState implements StateStore {
    /** How long a read or a lock request may try the endpoints before giving up. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final EtcdConfig config;
    private final EtcdClient etcd;
    private final Keys keys;

    public EtcdState(EtcdConfig config) throws IOException {
        this.config = config;
        this.etcd = new EtcdClient(config);
        this.keys = new Keys(config.prefix());
    }

    @Override
    public String where() {
        return config.url();
    }

    @Override
    public String flag() {
        return " --state " + config.url();
    }

    @Override
    public StateLock lock(LockHolder me, Duration wait, Clock clock)
            throws IOException, RunLock.Held, InterruptedException {
        return EtcdLock.acquire(etcd, keys, me, config.ttl(), wait, clock);
    }

    @Override
    public RunJournal journal(String runId, Map<String, Object> header, Clock clock, StateLock lock)
            throws IOException {
        if (!(lock instanceof EtcdLock etcdLock)) {
            throw new IllegalArgumentException("an etcd journal is written under an etcd lock");
        }
        long count = num(range(keys.events(runId), true, true).get("count"));
        return new EtcdJournal(etcd, keys, runId, header, clock, etcdLock, count);
    }

    @Override
    public void savePlan(String runId, String planJson) throws IOException {
        String key = keys.plan(runId);
        etcd.call(
                "/v3/kv/txn",
                of(
                        "compare",
                        List.of(of("key", b64(key), "target", "CREATE", "create_revision", 0, "result", "EQUAL")),
                        "success",
                        List.of(of("request_put", of("key", b64(key), "value", b64(planJson))))),
                PATIENCE);
    }

    @Override
    public String plan(String runId) throws IOException {
        Map<String, Object> res = etcd.call("/v3/kv/range", of("key", b64(keys.plan(runId))), PATIENCE);
        List<Map<String, Object>> kvs = list(res.get("kvs"));
        return kvs.isEmpty() ? null : text(kvs.get(0).get("value"));
    }

    @Override
    public boolean hasRun(String runId) throws IOException {
        if (runId.contains("/") || runId.isBlank()) {
            return false;
        }
        return num(range(keys.events(runId), true, true).get("count")) > 0;
    }

    @Override
    public RunRecord read(String runId) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> kv :
                list(range(keys.events(runId), false, false).get("kvs"))) {
            lines.add(text(kv.get("value")));
        }
        boolean alive = !list(etcd.call("/v3/kv/range", of("key", b64(keys.alive(runId))), PATIENCE)
                        .get("kvs"))
                .isEmpty();
        return JournalReader.read(lines, start -> alive);
    }

    @Override
    public List<RunRecord> runs() throws IOException {
        Set<String> alive = new HashSet<>();
        for (Map<String, Object> kv : list(range(keys.alive(), true, false).get("kvs"))) {
            alive.add(text(kv.get("key")).substring(keys.alive().length()));
        }
        Map<String, List<String>> byRun = new LinkedHashMap<>();
        for (Map<String, Object> kv : list(range(keys.runs(), false, false).get("kvs"))) {
            String run = keys.runOf(text(kv.get("key")));
            byRun.computeIfAbsent(run, r -> new ArrayList<>()).add(text(kv.get("value")));
        }
        List<RunRecord> out = new ArrayList<>();
        byRun.forEach((run, lines) -> {
            RunRecord r = JournalReader.read(lines, start -> alive.contains(run));
            if (r.runId() != null && r.started() != null) {
                out.add(r);
            }
        });
        out.sort(Comparator.comparing(RunRecord::started).reversed());
        return out;
    }

    /** Every key under {@code prefix}, oldest first (by create revision: the order they were written). */
    private Map<String, Object> range(String prefix, boolean keysOnly, boolean countOnly) throws IOException {
        Map<String, Object> body =
                of("key", b64(prefix), "range_end", rangeEnd(prefix), "sort_order", "ASCEND", "sort_target", "CREATE");
        if (keysOnly) {
            body.put("keys_only", true);
        }
        if (countOnly) {
            body.put("count_only", true);
        }
        return etcd.call("/v3/kv/range", body, PATIENCE);
    }
}
