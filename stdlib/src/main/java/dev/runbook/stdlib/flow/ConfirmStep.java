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
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Asks the operator to approve before the run goes on (a TTY prompt, or --yes / --approve). */
public final class ConfirmStep implements StepType {
    @Override
    public String name() {
        return "confirm";
    }

    @Override
    public String summary() {
        return "Ask the operator to approve; a refusal fails the step";
    }

    @Override
    public Effect effect() {
        return Effect.EXTERNAL;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.CONFIRM);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.required("message", Type.STRING, "the question put to the operator"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(OutputSpec.of("approved", Type.BOOL, "true when the operator approved"));
    }

    @Override
    public String describe(Args args) {
        return "ask the operator: " + args.show("message");
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        String question = context.redact(args.string("message"));
        if (!context.confirm(question)) {
            return StepResult.failed("refused by the operator: " + question, Map.of("approved", false));
        }
        return StepResult.ok(Map.of("approved", true));
    }
}
