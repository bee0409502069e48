package dev.runbook.stdlib.flow;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code notify.every}: status updates while a long run is in progress (the seed's "Status updates will follow every
 * 15 minutes"). A background step: the steps after it start at once, it sends its message every {@code every}, each
 * numbered and saying how long the run has been going, and the engine ends it when the main steps are over. A
 * delivery that fails is logged and the next one is still tried: a missed update must not stop a rollback.
 */
public final class NotifyEveryStep implements StepType {
    @Override
    public String name() {
        return "notify.every";
    }

    @Override
    public String summary() {
        return "Send a status update every so often while the main steps run (a background step)";
    }

    @Override
    public Effect effect() {
        return Effect.EXTERNAL;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.BACKGROUND);
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> out = new ArrayList<>(new NotifyStep().params());
        out.add(0, ParamSpec.required("every", Type.DURATION, "how long between two updates, e.g. 15m"));
        return out;
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("sent", Type.INT, "how many updates were delivered"),
                OutputSpec.of("failed", Type.INT, "how many could not be delivered"));
    }

    @Override
    public String describe(Args args) {
        String to = args.has("to") ? args.show("to") : "stdout";
        return "every " + args.show("every") + " until the main steps are done, notify " + to + ": "
                + (args.has("title") ? args.show("title") : "a status update");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        Duration every = args.duration("every");
        if (every == null || every.compareTo(Duration.ofSeconds(1)) < 0) {
            return StepResult.refused("notify.every: every must be at least 1s");
        }
        NotifyStep notify = new NotifyStep();
        long started = System.nanoTime();
        long sent = 0;
        long failed = 0;
        try {
            while (!context.cancelled()) {
                Thread.sleep(every.toMillis());
                long minutes = Duration.ofNanos(System.nanoTime() - started).toMinutes();
                Map<String, Object> values = new LinkedHashMap<>(args.asMap());
                values.remove("every");
                values.put(
                        "message",
                        args.string("message") + "\n(status update " + (sent + failed + 1) + ", " + minutes
                                + " min since the start; still in progress)");
                StepResult r = notify.execute(Args.of(values), context);
                if (r.isOk()) {
                    sent++;
                } else {
                    failed++;
                    context.log("status update not delivered: " + r.message());
                }
            }
        } catch (InterruptedException e) {
            // the engine's signal that the main steps are over: the updates end here
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sent", sent);
        out.put("failed", failed);
        return StepResult.ok(out);
    }
}
