package dev.runbook.stdlib.flow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Posts a flat JSON object of strings to a webhook; returns null when delivered, else why not, in words. */
final class Webhook {
    private Webhook() {}

    static String post(String url, Map<String, String> fields, Duration timeout) throws InterruptedException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(fields), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return "not a valid webhook URL: " + e.getMessage();
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String body = response.body().strip().replaceAll("\\s+", " ");
                return "answered " + response.statusCode() + (body.isEmpty() ? "" : ": " + abbreviate(body));
            }
            return null;
        } catch (HttpTimeoutException e) {
            return "no answer within " + timeout.toMillis() + "ms";
        } catch (IOException e) {
            return "cannot connect (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
    }

    /** Null-valued fields are left out. */
    static String json(Map<String, String> fields) {
        Map<String, String> present = new java.util.LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        return dev.runbook.json.Json.write(present);
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
