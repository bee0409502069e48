package dev.runbook.stdlib.http;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code http.burst}: proves rate limiting is still active. It sends {@code count} GET requests at once and fails
 * unless at least {@code min_limited} of them were answered with {@code limited_status} (429). It is a write, not a
 * read: the burst uses up the caller's request budget, so a plan's probe never sends it.
 */
public final class HttpBurstStep implements StepType {
    static final int MAX_COUNT = 1000;

    @Override
    public String name() {
        return "http.burst";
    }

    @Override
    public String summary() {
        return "Rate limiting still active: send count GET requests at once, fail unless some answer 429";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.HEALTH_CHECK);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                HttpCall.URL,
                ParamSpec.optional("count", Type.INT, 30L, "how many requests to send at once (at most 1000)"),
                ParamSpec.optional("limited_status", Type.INT, 429L, "the status a rate-limited request gets"),
                ParamSpec.optional("min_limited", Type.INT, 1L, "how many limited answers prove the limit is active"),
                HttpCall.HEADERS,
                HttpCall.TIMEOUT);
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("statuses", Type.MAP, "how many answers of each status, e.g. {\"200\": 10, \"429\": 20}"),
                OutputSpec.of("limited", Type.INT, "how many were answered with limited_status"),
                OutputSpec.of("failed", Type.INT, "how many got no answer at all"),
                OutputSpec.of("duration", Type.DURATION, "how long the burst took"));
    }

    @Override
    public String describe(Args args) {
        return "send " + args.show("count") + " GET requests to " + args.show("url") + " at once, expect at least "
                + args.show("min_limited") + " answered " + args.show("limited_status") + " (rate limiting active)";
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        long count = args.integer("count");
        if (count < 1 || count > MAX_COUNT) {
            return StepResult.refused("http.burst: count must be between 1 and " + MAX_COUNT + " (got " + count + ")");
        }
        Duration timeout = args.duration("timeout") == null ? Duration.ofSeconds(10) : args.duration("timeout");
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(args.string("url")))
                    .timeout(timeout)
                    .GET();
        } catch (IllegalArgumentException e) {
            return StepResult.refused("http.burst: bad URL " + args.string("url") + ": " + e.getMessage());
        }
        args.stringMap("headers").forEach(builder::header);
        HttpRequest request = builder.build();
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        Map<String, Object> statuses = new TreeMap<>();
        long failed = 0;
        for (CompletableFuture<HttpResponse<Void>> f : pending) {
            try {
                String status = String.valueOf(f.get().statusCode());
                statuses.merge(status, 1L, (a, b) -> (Long) a + (Long) b);
            } catch (ExecutionException e) {
                failed++;
            } catch (InterruptedException e) {
                pending.forEach(p -> p.cancel(true));
                throw e;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long limitedStatus = args.integer("limited_status");
        long limited = (Long) statuses.getOrDefault(String.valueOf(limitedStatus), 0L);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("statuses", statuses);
        out.put("limited", limited);
        out.put("failed", failed);
        out.put("duration", took);
        long min = args.integer("min_limited");
        if (limited >= min) {
            return StepResult.ok(out);
        }
        return StepResult.failed(
                context.redact("rate limiting is not active: " + count + " requests to " + args.string("url")
                        + " at once got " + statuses + (failed > 0 ? " and " + failed + " no answer" : "")
                        + ", fewer than " + min + " answered " + limitedStatus),
                out);
    }

    @Override
    public List<String> found(Map<String, Object> outputs) {
        return List.of("answers by status " + outputs.get("statuses") + ", " + outputs.get("limited") + " limited, in "
                + ((Duration) outputs.get("duration")).toMillis() + " ms");
    }
}
