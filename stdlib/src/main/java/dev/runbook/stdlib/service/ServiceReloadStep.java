package dev.runbook.stdlib.service;

import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.util.List;
import java.util.Set;

/** {@code service.reload}: systemctl reload, then checks the unit is active. */
public final class ServiceReloadStep implements StepType {
    @Override
    public String name() {
        return "service.reload";
    }

    @Override
    public String summary() {
        return "systemctl reload a unit and check it is still active";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.RELOAD, Trait.ON_HOST);
    }

    @Override
    public List<ParamSpec> params() {
        return Systemctl.PARAMS;
    }

    @Override
    public List<OutputSpec> outputs() {
        return ServiceStatusStep.OUTPUTS;
    }

    @Override
    public String describe(Args args) {
        return Systemctl.show(args) + " reload " + args.show("name") + ", then check it is active";
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        return ServiceAction.run("reload", true, args, context);
    }
}
