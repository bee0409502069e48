package dev.runbook.stdlib.http;

import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fetches a URL and reports status, body, headers, parsed JSON and latency. */
public final class HttpGetStep implements StepType {
    @Override
    public String name() {
        return "http.get";
    }

    @Override
    public String summary() {
        return "GET a URL: status, body (64 KiB), headers, parsed JSON and latency";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.HEALTH_PROBE);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(HttpCall.URL, HttpCall.HEADERS, HttpCall.TIMEOUT, HttpCall.EXPECT_STATUS);
    }

    @Override
    public List<OutputSpec> outputs() {
        return HttpCall.OUTPUTS;
    }

    @Override
    public String describe(Args args) {
        String expect = args.has("expect_status") ? ", expect " + args.show("expect_status") : "";
        return "GET " + args.show("url") + expect;
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        return HttpCall.judge("GET", args, HttpCall.send("GET", args, null, Map.of(), context), context);
    }
}
