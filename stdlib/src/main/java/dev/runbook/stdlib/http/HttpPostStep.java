package dev.runbook.stdlib.http;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.util.List;
import java.util.Map;

/** Sends a POST with a text or JSON body; reaches outside, so it has no undo. */
public final class HttpPostStep implements StepType {
    @Override
    public String name() {
        return "http.post";
    }

    @Override
    public String summary() {
        return "POST a text or JSON body to a URL; outputs as http.get";
    }

    @Override
    public Effect effect() {
        return Effect.EXTERNAL;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                HttpCall.URL,
                ParamSpec.optional("body", Type.STRING, null, "the request body as text"),
                ParamSpec.optional(
                        "json", Type.ANY, null, "a value sent as JSON (sets Content-Type: application/json)"),
                HttpCall.HEADERS,
                HttpCall.TIMEOUT,
                HttpCall.EXPECT_STATUS);
    }

    @Override
    public List<OutputSpec> outputs() {
        return HttpCall.OUTPUTS;
    }

    @Override
    public String describe(Args args) {
        String body = args.has("json") ? " with a JSON body" : args.has("body") ? " with a text body" : "";
        String expect = args.has("expect_status") ? ", expect " + args.show("expect_status") : "";
        return "POST " + args.show("url") + body + expect;
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        if (args.has("json") && args.has("body")) {
            return StepResult.failed("give either body or json, not both");
        }
        if (args.has("json")) {
            String json = dev.runbook.json.Json.write(args.get("json"));
            Map<String, String> type = Map.of("Content-Type", "application/json");
            return HttpCall.judge("POST", args, HttpCall.send("POST", args, json, type, context), context);
        }
        String body = args.has("body") ? args.string("body") : "";
        return HttpCall.judge("POST", args, HttpCall.send("POST", args, body, Map.of(), context), context);
    }
}
