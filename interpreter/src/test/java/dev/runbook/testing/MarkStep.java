package dev.runbook.testing;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A write step for engine tests: appends {@code <name> start <nanoTime>} and {@code <name> end|fail|interrupted
 * <nanoTime>} to {@code marks.log} in the run's work directory, optionally sleeping in between. It fails while
 * its attempt number (counted from the log, so the type stays stateless) is at most {@code fail_times}, or always
 * with {@code fail: true}. {@code out} echoes {@code value}; {@code say} is logged through the context.
 */
public final class MarkStep implements StepType {
    @Override
    public String name() {
        return "mark";
    }

    @Override
    public String summary() {
        return "Record start and end in marks.log (engine tests)";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.optional("name", Type.STRING, null, "the name written to the log (default: the step id)"),
                ParamSpec.optional("value", Type.STRING, "", "echoed as the output `out`"),
                ParamSpec.optional("sleep", Type.DURATION, Duration.ZERO, "how long to work between start and end"),
                ParamSpec.optional("fail_times", Type.INT, 0L, "fail the first N attempts"),
                ParamSpec.optional("fail", Type.BOOL, false, "fail every attempt"),
                ParamSpec.optional("refuse", Type.BOOL, false, "fail every attempt, saying that nothing was changed"),
                ParamSpec.optional("say", Type.STRING, null, "a line to log through the step context"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("name", Type.STRING, "the name logged"),
                OutputSpec.of("out", Type.STRING, "the value given"),
                OutputSpec.of("attempt", Type.INT, "which attempt of this name this was"));
    }

    @Override
    public String describe(Args args) {
        return "mark " + args.show("name") + " with value " + args.show("value");
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        String name = args.has("name") ? args.string("name") : context.stepId();
        MarkLog log = MarkLog.in(context.workDir());
        if (args.bool("refuse")) {
            return StepResult.refused("mark " + name + " refused before it started");
        }
        long attempt = log.count(name, "start") + 1;
        log.append(name, "start");
        if (args.has("say")) {
            context.log(args.string("say"));
        }
        Duration sleep = args.duration("sleep");
        try {
            if (sleep != null && !sleep.isZero()) {
                Thread.sleep(sleep.toMillis());
            }
        } catch (InterruptedException e) {
            log.append(name, "interrupted");
            throw e;
        }
        if (args.bool("fail") || attempt <= args.integer("fail_times")) {
            log.append(name, "fail");
            return StepResult.failed(
                    "mark " + name + " failed on attempt " + attempt + " (value " + args.string("value") + ")");
        }
        log.append(name, "end");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("out", args.string("value"));
        out.put("attempt", attempt);
        return StepResult.ok(out);
    }
}
