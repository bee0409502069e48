package dev.runbook.stdlib.flow;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Values;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Pauses the run (e.g. to let a service warm up); wakes early when the operator stops the run. */
public final class WaitStep implements StepType {
    private static final long SLICE_MILLIS = 100;

    @Override
    public String name() {
        return "wait";
    }

    @Override
    public String summary() {
        return "Pause for a duration; stops early if the run is cancelled";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.required("duration", Type.DURATION, "how long to wait"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(OutputSpec.of("waited", Type.DURATION, "how long it actually waited"));
    }

    @Override
    public String describe(Args args) {
        return "wait " + args.show("duration");
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        Duration duration = args.duration("duration");
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        while (true) {
            if (context.cancelled()) {
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                return StepResult.failed(
                        "cancelled after " + Values.show(waited.withNanos(0)) + " of " + Values.show(duration),
                        Map.of("waited", waited));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return StepResult.ok(Map.of("waited", Duration.ofNanos(System.nanoTime() - started)));
            }
            Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, left / 1_000_000)));
        }
    }
}
