package dev.runbook.stdlib.http;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.Values;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What the http family shares: common parameters and outputs, sending one request, reading a capped body. */
final class HttpCall {
    static final int BODY_LIMIT = 64 * 1024;

    static final ParamSpec URL = ParamSpec.required("url", Type.STRING, "the http(s) URL");
    static final ParamSpec HEADERS = ParamSpec.optional("headers", Type.MAP, null, "request headers");
    static final ParamSpec TIMEOUT = ParamSpec.optional(
            "timeout", Type.DURATION, Duration.ofSeconds(10), "how long to wait for the connection and the response");
    static final ParamSpec EXPECT_STATUS =
            ParamSpec.optional("expect_status", Type.INT, null, "when given, any other status fails the step");

    static final List<OutputSpec> OUTPUTS = List.of(
            OutputSpec.of("status", Type.INT, "the HTTP status code"),
            OutputSpec.of("body", Type.STRING, "the response body, at most 64 KiB"),
            OutputSpec.of("headers", Type.MAP, "response headers, names in lower case, repeated values joined"),
            OutputSpec.of("json", Type.ANY, "the body parsed as JSON, or null if it is not JSON"),
            OutputSpec.of("latency", Type.DURATION, "time from sending the request to the end of the body"));

    /** A response as the steps report it; secrets already masked. */
    record Response(long status, String body, Map<String, Object> headers, Object json, Duration latency) {
        Map<String, Object> outputs() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", status);
            out.put("body", body);
            out.put("headers", headers);
            out.put("json", json);
            out.put("latency", latency);
            return out;
        }

        /** The start of the body, on one line, for failure messages. */
        String snippet() {
            String one = body.strip().replaceAll("\\s+", " ");
            return one.length() <= 120 ? one : one.substring(0, 120) + "...";
        }
    }

    /** Either a response or, in words for the operator, why there is none. */
    record Exchange(Response response, String failure) {}

    private HttpCall() {}

    static Exchange send(String method, Args args, String body, Map<String, String> extraHeaders, StepContext context)
            throws InterruptedException {
        String url = args.string("url");
        Duration timeout = args.duration("timeout") == null ? Duration.ofSeconds(10) : args.duration("timeout");
        String what = method + " " + url;
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            extraHeaders.forEach(builder::header);
            args.stringMap("headers").forEach(builder::setHeader);
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return failure(context, "cannot build " + what + ": " + e.getMessage() + "; check url and headers");
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout)
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes = readCapped(response.body());
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            String text = context.redact(new String(bytes, StandardCharsets.UTF_8));
            return new Exchange(toResponse(response, text, bytes.length < BODY_LIMIT, latency, context), null);
        } catch (HttpConnectTimeoutException e) {
            return failure(
                    context,
                    what + ": no connection within " + Values.show(timeout)
                            + "; check that the host is reachable (firewall, DNS) or raise timeout");
        } catch (HttpTimeoutException e) {
            return failure(
                    context,
                    what + ": no response within " + Values.show(timeout)
                            + "; the service may be hung or overloaded, or raise timeout");
        } catch (ConnectException e) {
            return failure(
                    context,
                    what + ": connection refused or unreachable (" + describe(e)
                            + "); is the service running and listening on that host and port?");
        } catch (IOException e) {
            return failure(context, what + " failed: " + describe(e));
        }
    }

    /** Fails on a status other than {@code expect_status}, when given; otherwise the response's outputs. */
    static StepResult judge(String method, Args args, Exchange exchange, StepContext context) {
        if (exchange.failure() != null) {
            return StepResult.failed(exchange.failure());
        }
        Response r = exchange.response();
        if (args.has("expect_status") && r.status() != args.integer("expect_status")) {
            return StepResult.failed(
                    context.redact(method + " " + args.string("url") + " returned " + r.status() + ", expected "
                            + args.integer("expect_status") + bodyTail(r)),
                    r.outputs());
        }
        return StepResult.ok(r.outputs());
    }

    static String bodyTail(Response r) {
        return r.snippet().isEmpty() ? "" : ": " + r.snippet();
    }

    private static Response toResponse(
            HttpResponse<?> response, String body, boolean complete, Duration latency, StepContext context) {
        Map<String, Object> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.put(name.toLowerCase(Locale.ROOT), context.redact(String.join(", ", values)));
            }
        });
        String contentType = response.headers().firstValue("content-type").orElse(null);
        Object json = null;
        if (complete && looksLikeJson(contentType, body)) {
            json = parseOrNull(body);
        }
        return new Response(response.statusCode(), body, new LinkedHashMap<>(headers), json, latency);
    }

    private static Object parseOrNull(String body) {
        try {
            return dev.runbook.json.Json.parse(body);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        try (in) {
            return in.readNBytes(BODY_LIMIT);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Exchange failure(StepContext context, String message) {
        return new Exchange(null, context.redact(message));
    }

    /** Whether a body should be read as JSON: a JSON content type, or (with none given) JSON-looking text. */
    static boolean looksLikeJson(String contentType, String body) {
        if (contentType != null && !contentType.isBlank()) {
            return contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
        }
        String t = body.strip();
        return t.startsWith("{") || t.startsWith("[");
    }
}
