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
import dev.runbook.spi.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A health check: GET a URL and compare status, body text, a JSON field and latency with what they should be. */
public final class HttpCheckStep implements StepType {
    @Override
    public String name() {
        return "http.check";
    }

    @Override
    public String summary() {
        return "Health check: GET a URL and check status, body text, a JSON field and latency";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.HEALTH_CHECK);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                HttpCall.URL,
                ParamSpec.optional("status", Type.INT, 200L, "the status the service must answer with"),
                ParamSpec.optional("contains", Type.STRING, null, "text the body must contain"),
                ParamSpec.optional("json_path", Type.STRING, null, "dotted path into the JSON body, e.g. data.version"),
                ParamSpec.optional("equals", Type.ANY, null, "the value expected at json_path (else it must exist)"),
                ParamSpec.optional("max_latency", Type.DURATION, null, "the slowest acceptable answer"),
                HttpCall.HEADERS,
                HttpCall.TIMEOUT);
    }

    @Override
    public List<OutputSpec> outputs() {
        List<OutputSpec> all = new ArrayList<>(HttpCall.OUTPUTS);
        all.add(OutputSpec.of("ok", Type.BOOL, "whether every check passed"));
        return List.copyOf(all);
    }

    @Override
    public String describe(Args args) {
        StringBuilder out = new StringBuilder("GET " + args.show("url") + ", expect " + args.show("status"));
        if (args.has("contains")) {
            out.append(", body contains \"").append(args.show("contains")).append('"');
        }
        if (args.has("json_path")) {
            out.append(", ")
                    .append(args.show("json_path"))
                    .append(args.has("equals") ? " == " + args.show("equals") : " present");
        }
        if (args.has("max_latency")) {
            out.append(", within ").append(args.show("max_latency"));
        }
        return out.toString();
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        HttpCall.Exchange exchange = HttpCall.send("GET", args, null, Map.of(), context);
        if (exchange.failure() != null) {
            return StepResult.failed(exchange.failure(), Map.of("ok", false));
        }
        HttpCall.Response response = exchange.response();
        List<String> mismatches = mismatches(args, response, context);
        Map<String, Object> outputs = response.outputs();
        outputs.put("ok", mismatches.isEmpty());
        if (mismatches.isEmpty()) {
            return StepResult.ok(outputs);
        }
        String message = "health check of " + args.string("url") + " failed: " + String.join("; ", mismatches);
        return StepResult.failed(context.redact(message), outputs);
    }

    @Override
    public List<String> found(Map<String, Object> outputs) {
        Object latency = outputs.get("latency");
        String took = latency instanceof Duration d ? " in " + d.toMillis() + " ms" : "";
        return List.of("answered " + outputs.get("status") + took);
    }

    private static List<String> mismatches(Args args, HttpCall.Response r, StepContext context) {
        List<String> out = new ArrayList<>();
        long status = args.has("status") ? args.integer("status") : 200;
        if (r.status() != status) {
            out.add("status " + r.status() + ", expected " + status + HttpCall.bodyTail(r));
        }
        if (args.has("contains") && !r.body().contains(context.redact(args.string("contains")))) {
            out.add("body does not contain \"" + args.string("contains") + "\"");
        }
        if (args.has("json_path")) {
            jsonMismatch(args, r).ifPresent(out::add);
        }
        Duration max = args.duration("max_latency");
        if (max != null && r.latency().compareTo(max) > 0) {
            out.add("latency " + r.latency().toMillis() + "ms, over max_latency " + Values.show(max));
        }
        return out;
    }

    private static Optional<String> jsonMismatch(Args args, HttpCall.Response r) {
        String path = args.string("json_path");
        if (r.json() == null) {
            return Optional.of("body is not JSON, so " + path + " cannot be read");
        }
        Optional<JsonPath.Hit> hit = JsonPath.find(r.json(), path);
        if (hit.isEmpty()) {
            return Optional.of(path + " is missing from the JSON body");
        }
        Object actual = hit.get().value();
        if (args.has("equals") && !JsonPath.same(actual, args.get("equals"))) {
            return Optional.of(path + " is " + dev.runbook.json.Json.write(actual) + ", expected "
                    + dev.runbook.json.Json.write(args.get("equals")));
        }
        return Optional.empty();
    }
}
