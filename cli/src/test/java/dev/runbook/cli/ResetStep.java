package dev.runbook.cli;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.util.List;

/** A step type with a {@code drop} argument, for tests that need one whatever the stdlib holds (mongo.restore). */
public final class ResetStep implements StepType {
    @Override
    public String name() {
        return "test.reset";
    }

    @Override
    public String summary() {
        return "Reset a test store (tests only)";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("from", Type.STRING, "what to load"),
                ParamSpec.optional("drop", Type.BOOL, false, "drop everything first"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(OutputSpec.of("restored", Type.INT, "documents loaded"));
    }

    @Override
    public String describe(Args args) {
        return "reset from " + args.show("from");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        return StepResult.failed("tests only");
    }
}
