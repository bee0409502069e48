package dev.runbook.cli;

import dev.runbook.json.Json;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Three real etcd members (Debian's etcd-server) on loopback ports, each its own process with its own data dir, that
 * a test can kill (SIGKILL) and start again. Missing etcd fails with CI=true and skips, loudly, elsewhere (see
 * .ci/install-ops-tools.sh).
 */
final class EtcdCluster implements AutoCloseable {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private final String etcd;
    private final Path dir;
    private final int[] client = new int[3];
    private final int[] peer = new int[3];
    private final Process[] members = new Process[3];
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private EtcdCluster(String etcd, Path dir) {
        this.etcd = etcd;
        this.dir = dir;
    }

    static EtcdCluster start(Path dir) throws Exception {
        EtcdCluster c = new EtcdCluster(binary(), dir);
        for (int i = 0; i < 3; i++) {
            c.client[i] = TestPorts.free();
            c.peer[i] = TestPorts.free();
        }
        for (int i = 0; i < 3; i++) {
            c.startMember(i);
        }
        c.awaitHealthy();
        return c;
    }

    private static String binary() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "etcd"))) {
                return Path.of(d, "etcd").toString();
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/etcd"))) {
            return "/usr/bin/etcd";
        }
        String message = "etcd is not installed: run `bash .ci/install-ops-tools.sh` (the test needs a real etcd)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    /** The state URL for this cluster, all three members, under its own prefix. */
    String url(String prefix, int ttlSeconds) {
        return "etcd://127.0.0.1:" + client[0] + ",127.0.0.1:" + client[1] + ",127.0.0.1:" + client[2] + "/" + prefix
                + "?ttl=" + ttlSeconds + "s";
    }

    void startMember(int i) throws IOException {
        StringBuilder initial = new StringBuilder();
        for (int j = 0; j < 3; j++) {
            initial.append(j == 0 ? "" : ",")
                    .append("m")
                    .append(j)
                    .append("=http://127.0.0.1:")
                    .append(peer[j]);
        }
        List<String> cmd = new ArrayList<>(List.of(
                etcd,
                "--name=m" + i,
                "--data-dir=" + dir.resolve("m" + i),
                "--listen-client-urls=http://127.0.0.1:" + client[i],
                "--advertise-client-urls=http://127.0.0.1:" + client[i],
                "--listen-peer-urls=http://127.0.0.1:" + peer[i],
                "--initial-advertise-peer-urls=http://127.0.0.1:" + peer[i],
                "--initial-cluster=" + initial,
                "--initial-cluster-state=new",
                "--initial-cluster-token=runbook-test",
                "--log-level=error"));
        Path log = dir.resolve("m" + i + ".log");
        members[i] = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    void kill(int i) throws InterruptedException {
        members[i].destroyForcibly();
        members[i].waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts every member that is not running and waits until the cluster has a leader and takes writes. */
    void restoreAll() throws Exception {
        for (int i = 0; i < 3; i++) {
            if (!members[i].isAlive()) {
                startMember(i);
            }
        }
        awaitHealthy();
    }

    /** The index of the member that leads now. */
    int leader() throws Exception {
        for (int i = 0; i < 3; i++) {
            Map<?, ?> status = status(i);
            if (status != null
                    && String.valueOf(status.get("leader"))
                            .equals(String.valueOf(((Map<?, ?>) status.get("header")).get("member_id")))) {
                return i;
            }
        }
        throw new AssertionError("no member leads");
    }

    private Map<?, ?> status(int i) {
        try {
            HttpResponse<String> res = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + client[i] + "/v3/maintenance/status"))
                            .timeout(Duration.ofSeconds(2))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200 && Json.parse(res.body()) instanceof Map<?, ?> m && m.get("leader") != null
                    ? m
                    : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private boolean writable() {
        for (int i = 0; i < 3; i++) {
            if (members[i].isAlive() && status(i) == null) {
                return false;
            }
        }
        try {
            HttpResponse<String> res = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + client[0] + "/v3/kv/put"))
                            .timeout(Duration.ofSeconds(2))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"aGVhbHRo\",\"value\":\"b2s=\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200 && !res.body().contains("error");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Deletes one key, as another client of the cluster would. */
    void delete(String key) throws Exception {
        Map<?, ?> res = call("/v3/kv/deleterange", "{\"key\":\"" + b64(key) + "\"}");
        assertDeleted(res, key);
    }

    private static void assertDeleted(Map<?, ?> res, String key) {
        if (!"1".equals(String.valueOf(res.get("deleted")))) {
            throw new AssertionError("no key " + key + " to delete: " + res);
        }
    }

    /** Every key and value under a prefix, decoded, one "key = value" per line. */
    String dump(String prefix) throws Exception {
        byte[] end = prefix.getBytes(StandardCharsets.UTF_8);
        end[end.length - 1]++;
        Map<?, ?> res = call(
                "/v3/kv/range",
                "{\"key\":\"" + b64(prefix) + "\",\"range_end\":\""
                        + Base64.getEncoder().encodeToString(end) + "\"}");
        StringBuilder out = new StringBuilder();
        if (res.get("kvs") instanceof List<?> kvs) {
            for (Object o : kvs) {
                Map<?, ?> kv = (Map<?, ?>) o;
                out.append(text(kv.get("key")))
                        .append(" = ")
                        .append(text(kv.get("value")))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private Map<?, ?> call(String path, String body) throws Exception {
        for (int i = 0; i < 3; i++) {
            if (!members[i].isAlive()) {
                continue;
            }
            HttpResponse<String> res = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + client[i] + path))
                            .timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() == 200 && Json.parse(res.body()) instanceof Map<?, ?> m) {
                return m;
            }
        }
        throw new AssertionError("no member answered " + path);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object b64) {
        return b64 == null ? "" : new String(Base64.getDecoder().decode(b64.toString()), StandardCharsets.UTF_8);
    }

    private void awaitHealthy() throws Exception {
        Spawned.await("the etcd cluster to take writes (logs in " + dir + ")", LIMIT, this::writable);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : members) {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
