package dev.runbook.stdlib;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback, port 0, for the http and notify tests. Routes: /ok (200 "healthy"), /error
 * (500), /json, /plain-json (JSON without a content type), /big (100 KiB), /slow (answers only when closed),
 * /echo (records the request and answers 201), /limited (200 to the first 3 requests, 429 after: a rate limit).
 */
public final class LoopbackHttp implements AutoCloseable {
    public static final String JSON = "{\"status\":\"ok\",\"data\":{\"version\":\"1.4.2\",\"workers\":4,"
            + "\"ratio\":0.5,\"ready\":true,\"note\":null},\"items\":[{\"name\":\"api\"}]}";

    /** A request the server received. */
    public record Received(String method, String path, String contentType, String body) {}

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public LoopbackHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/ok", ex -> answer(ex, 200, "text/plain", "healthy"));
        server.createContext("/error", ex -> answer(ex, 500, "text/plain", "database down\nretry later"));
        server.createContext("/json", ex -> answer(ex, 200, "application/json; charset=utf-8", JSON));
        server.createContext("/plain-json", ex -> answer(ex, 200, null, JSON));
        java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/limited", ex -> {
            boolean over = hits.incrementAndGet() > 3;
            answer(ex, over ? 429 : 200, "text/plain", over ? "too many requests" : "ok");
        });
        server.createContext("/big", ex -> answer(ex, 200, "text/plain", "x".repeat(100 * 1024)));
        server.createContext("/slow", ex -> {
            awaitClose();
            answer(ex, 200, "text/plain", "late");
        });
        server.createContext("/echo", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    ex.getRequestMethod(),
                    ex.getRequestURI().getPath(),
                    ex.getRequestHeaders().getFirst("Content-Type"),
                    body));
            answer(ex, 201, "text/plain", "got it");
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** A loopback URL where nothing listens: the port was free a moment ago. */
    public static String refusedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/health";
        }
    }

    private void awaitClose() {
        try {
            closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.getResponseHeaders().set("X-Served-By", "loopback");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientLeft) {
            // the client gave up (a timeout test); nothing to do
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
