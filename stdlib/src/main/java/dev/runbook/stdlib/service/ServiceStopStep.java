package dev.runbook.stdlib.service;

import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.util.List;
import java.util.Map;

/** {@code service.stop}: systemctl stop, then checks the unit is inactive. */
public final class ServiceStopStep implements StepType {
    @Override
    public String name() {
        return "service.stop";
    }

    @Override
    public String summary() {
        return "systemctl stop a unit and check it is inactive; undo starts it";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
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
        return Systemctl.show(args) + " stop " + args.show("name") + ", then check it is inactive";
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        return ServiceAction.run("stop", false, args, context);
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return Systemctl.show(args) + " start " + args.show("name");
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) throws InterruptedException {
        return ServiceAction.run("start", true, args, context);
    }
}
