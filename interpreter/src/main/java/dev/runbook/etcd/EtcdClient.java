package dev.runbook.etcd;

import dev.runbook.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * etcd v3 through its JSON gateway ({@code POST /v3/...}, keys and values in base64), on the JDK's HttpClient. A call
 * that an endpoint cannot answer (down, no leader, timed out) is tried on the next endpoint, round after round, until
 * its deadline; a refusal (bad request, permission) is final at once.
 */
final class EtcdClient {
    private final List<URI> endpoints;
    private final EtcdConfig config;
    private final HttpClient http;
    private final Duration timeout;
    private int current;
    private String token;

    EtcdClient(EtcdConfig config) throws IOException {
        this.config = config;
        this.endpoints = config.endpoints();
        // one try of one endpoint: a third of the lease, so that a lapse is noticed while the lease may still live
        long third = Math.max(500, config.ttl().toMillis() / 3);
        this.timeout = Duration.ofMillis(Math.min(5000, third));
        HttpClient.Builder b =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout);
        if (config.ca() != null) {
            b.sslContext(trusting(config));
        }
        this.http = b.build();
    }

    /** The endpoint or server could not answer now; another endpoint, or later, may. */
    static final class Unavailable extends IOException {
        Unavailable(String message) {
            super(message);
        }
    }

    Map<String, Object> call(String path, Map<String, Object> body, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        IOException last;
        int tried = 0;
        while (true) {
            URI base = endpoint();
            try {
                return once(base, path, body);
            } catch (Unavailable e) {
                last = new Unavailable(base.getAuthority() + ": " + e.getMessage());
            }
            next(base);
            tried++;
            if (System.nanoTime() >= deadline) {
                throw last;
            }
            if (tried % endpoints.size() == 0) {
                pause(Math.min(200, 20L * tried));
            }
        }
    }

    private synchronized URI endpoint() {
        return endpoints.get(current);
    }

    private synchronized void next(URI failed) {
        if (endpoints.get(current).equals(failed)) {
            current = (current + 1) % endpoints.size();
        }
    }

    private Map<String, Object> once(URI base, String path, Map<String, Object> body) throws IOException {
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        String auth = authToken(base);
        if (auth != null) {
            req.header("Authorization", auth);
        }
        HttpResponse<String> res = send(req.build());
        Map<String, Object> out = map(parse(res.body()));
        if (res.statusCode() == 200 && !out.containsKey("error")) {
            return out;
        }
        String message = String.valueOf(out.getOrDefault("message", out.getOrDefault("error", res.body())));
        long code = num(out.get("code"));
        if (code == 16 && config.user() != null) {
            synchronized (this) {
                token = null; // expired: authenticate again on the next try
            }
            throw new Unavailable(message);
        }
        if (res.statusCode() >= 500 || code == 14 || code == 4 || message.contains("leader")) {
            throw new Unavailable(message);
        }
        throw new IOException("etcd refused " + path + ": " + message);
    }

    private synchronized String authToken(URI base) throws IOException {
        if (config.user() == null || token != null) {
            return token;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", config.user());
        body.put("password", config.password() == null ? "" : config.password());
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/v3/auth/authenticate"))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        HttpResponse<String> res = send(req);
        Map<String, Object> out = map(parse(res.body()));
        if (res.statusCode() >= 500) {
            throw new Unavailable(String.valueOf(out.getOrDefault("message", "status " + res.statusCode())));
        }
        if (res.statusCode() != 200 || out.get("token") == null) {
            throw new IOException("etcd refused the user " + config.user() + ": "
                    + out.getOrDefault("message", "status " + res.statusCode()));
        }
        token = out.get("token").toString();
        return token;
    }

    /**
     * Sends and waits, deaf to interrupts: a step thread interrupted by a cancel still writes its step's end (the
     * request's own timeout bounds the wait); the interrupt is set again afterwards.
     */
    private HttpResponse<String> send(HttpRequest req) throws Unavailable {
        CompletableFuture<HttpResponse<String>> f =
                http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new Unavailable(why(e.getCause() == null ? e : e.getCause()));
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A reason a person can act on: what failed, in words, rather than an exception's class name alone. */
    static String why(Throwable c) {
        if (c instanceof java.net.ConnectException) {
            return "connection refused (is etcd running and listening there?)";
        }
        if (c instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (c instanceof javax.net.ssl.SSLException) {
            return "TLS failed: " + c.getMessage();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : " " + c.getMessage());
    }

    private static Object parse(String body) {
        try {
            return Json.parse(body);
        } catch (RuntimeException e) {
            return Map.of("message", body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    private static SSLContext trusting(EtcdConfig config) throws IOException {
        try (InputStream in = Files.newInputStream(config.ca())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the CA file " + config.ca() + ": " + e.getMessage(), e);
        }
    }

    private static void pause(long ms) {
        LockSupport.parkNanos(ms * 1_000_000);
    }

    // --- the few shapes of the gateway's JSON ---

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String text(Object b64) {
        return b64 == null ? "" : new String(Base64.getDecoder().decode(b64.toString()), StandardCharsets.UTF_8);
    }

    /** The key just after every key that starts with {@code prefix}. */
    static String rangeEnd(String prefix) {
        byte[] b = prefix.getBytes(StandardCharsets.UTF_8);
        b[b.length - 1]++;
        return Base64.getEncoder().encodeToString(b);
    }

    /** etcd's int64s come as JSON strings. */
    static long num(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        return o == null ? 0 : Long.parseLong(o.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(map(x)));
        }
        return out;
    }

    static Map<String, Object> of(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
