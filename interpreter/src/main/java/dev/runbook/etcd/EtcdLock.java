package dev.runbook.etcd;

import static dev.runbook.etcd.EtcdClient.b64;
import static dev.runbook.etcd.EtcdClient.list;
import static dev.runbook.etcd.EtcdClient.map;
import static dev.runbook.etcd.EtcdClient.num;
import static dev.runbook.etcd.EtcdClient.of;

import dev.runbook.engine.LockHolder;
import dev.runbook.engine.RunLock;
import dev.runbook.engine.StateLock;
import dev.runbook.json.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A lock as an etcd key attached to a lease that this runner keeps alive (every third of its TTL). A runner that dies
 * stops renewing, and etcd deletes the key when the lease expires. A runner that cannot renew (etcd out of reach, a
 * network split) for a whole TTL can no longer prove the lock is its own: it reports the loss once. The key's create
 * revision is the fence: every journal write is a transaction that succeeds only while the key still has it.
 */
final class EtcdLock implements StateLock {
    private static final Duration POLL = Duration.ofMillis(200);
    /** How long taking the lock may try the endpoints before the run is refused. */
    private static final Duration ASK = Duration.ofSeconds(10);

    private final EtcdClient etcd;
    private final String key;
    private final LockHolder holder;
    private final long lease;
    private final long fence;
    private final Duration ttl;
    private final ScheduledExecutorService keeper;
    private final AtomicReference<String> lost = new AtomicReference<>();
    private final AtomicReference<Runnable> onLost = new AtomicReference<>();
    private volatile long renewedNanos;

    private EtcdLock(EtcdClient etcd, String key, LockHolder holder, long lease, long fence, Duration ttl, long at) {
        this.etcd = etcd;
        this.key = key;
        this.holder = holder;
        this.lease = lease;
        this.fence = fence;
        this.ttl = ttl;
        this.renewedNanos = at;
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "runbook-lease");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(200, ttl.toMillis() / 3);
        keeper.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    static EtcdLock acquire(EtcdClient etcd, Keys keys, LockHolder me, Duration ttl, Duration wait, Clock clock)
            throws IOException, RunLock.Held, InterruptedException {
        String key = keys.lock(me.scope());
        long granted = System.nanoTime();
        Duration patience = ttl.compareTo(ASK) < 0 ? ttl : ASK;
        Map<String, Object> grant = etcd.call("/v3/lease/grant", of("TTL", ttl.toSeconds()), patience);
        long lease = num(grant.get("ID"));
        long deadline = System.nanoTime() + wait.toNanos();
        String value = Json.write(me.toMap());
        while (true) {
            Map<String, Object> txn = etcd.call(
                    "/v3/kv/txn",
                    of(
                            "compare",
                            List.of(of("key", b64(key), "target", "CREATE", "create_revision", 0, "result", "EQUAL")),
                            "success",
                            List.of(
                                    of("request_put", of("key", b64(key), "value", b64(value), "lease", lease)),
                                    of(
                                            "request_put",
                                            of(
                                                    "key",
                                                    b64(keys.alive(me.runId())),
                                                    "value",
                                                    b64(value),
                                                    "lease",
                                                    lease))),
                            "failure",
                            List.of(of("request_range", of("key", b64(key))))),
                    patience);
            if (Boolean.TRUE.equals(txn.get("succeeded"))) {
                long fence = num(map(txn.get("header")).get("revision"));
                return new EtcdLock(etcd, key, me, lease, fence, ttl, granted);
            }
            LockHolder current = holderIn(txn);
            if (System.nanoTime() >= deadline) {
                revoke(etcd, lease);
                throw new RunLock.Held(
                        current != null ? current : new LockHolder(me.scope(), "?", -1, "?", "?", clock.instant()));
            }
            Thread.sleep(POLL.toMillis());
            etcd.call("/v3/lease/keepalive", of("ID", lease), ttl);
        }
    }

    private static LockHolder holderIn(Map<String, Object> txn) {
        for (Map<String, Object> r : list(txn.get("responses"))) {
            for (Map<String, Object> kv : list(map(r.get("response_range")).get("kvs"))) {
                if (Json.parse(EtcdClient.text(kv.get("value"))) instanceof Map<?, ?> m) {
                    return LockHolder.fromMap(m);
                }
            }
        }
        return null;
    }

    private void renew() {
        long sent = System.nanoTime();
        try {
            Map<String, Object> res = etcd.call("/v3/lease/keepalive", of("ID", lease), ttl.dividedBy(3));
            if (num(map(res.get("result")).get("TTL")) <= 0) {
                lose("its lease expired in etcd before it was renewed");
                return;
            }
            renewedNanos = sent;
        } catch (IOException e) {
            if (System.nanoTime() - renewedNanos >= ttl.toNanos()) {
                lose("etcd could not renew its lease for " + ttl.toSeconds() + "s (" + e.getMessage() + ")");
            }
        }
    }

    /** Marks the lock lost (the first reason wins) and tells the run. */
    void lose(String why) {
        if (lost.compareAndSet(null, why)) {
            keeper.shutdown();
            Runnable action = onLost.get();
            if (action != null) {
                action.run();
            }
        }
    }

    /** How long a write may keep trying: until the lease, last renewed then, could have lapsed. */
    Duration patience() {
        long left = renewedNanos + ttl.toNanos() - System.nanoTime();
        return Duration.ofNanos(Math.max(0, left));
    }

    String key() {
        return key;
    }

    long fence() {
        return fence;
    }

    long lease() {
        return lease;
    }

    @Override
    public LockHolder holder() {
        return holder;
    }

    @Override
    public LockHolder takenOverFrom() {
        return null;
    }

    @Override
    public void onLost(Runnable action) {
        onLost.set(action);
        if (lost.get() != null) {
            action.run();
        }
    }

    @Override
    public String lostBecause() {
        return lost.get();
    }

    /** Asks etcd: the key is there, with this run's create revision and lease. Any doubt is a no. */
    @Override
    public boolean held() {
        if (lost.get() != null) {
            return false;
        }
        try {
            Map<String, Object> res = etcd.call("/v3/kv/range", of("key", b64(key)), patience());
            for (Map<String, Object> kv : list(res.get("kvs"))) {
                if (num(kv.get("create_revision")) == fence && num(kv.get("lease")) == lease) {
                    return true;
                }
            }
            lose("its key in etcd is gone or belongs to another run");
        } catch (IOException e) {
            lose("etcd could not be asked whether the lock is still held (" + e.getMessage() + ")");
        }
        return false;
    }

    /** Revokes the lease, which deletes the lock's key; if etcd is out of reach the lease expires by itself. */
    @Override
    public void close() {
        keeper.shutdownNow();
        revoke(etcd, lease);
    }

    private static void revoke(EtcdClient etcd, long lease) {
        try {
            etcd.call("/v3/lease/revoke", of("ID", lease), Duration.ofSeconds(2));
        } catch (IOException ignored) {
            // the lease expires after its TTL
        }
    }
}
