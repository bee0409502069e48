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
import java.util.Map;

/**
 * {@code service.start} and {@code service.stop}: systemctl start (stop), then check the unit is active (inactive);
 * the undo is the opposite action. One class for both: they mirror each other.
 */
public final class ServiceToggleStep implements StepType {
    private final boolean start;

    public ServiceToggleStep(boolean start) {
        this.start = start;
    }

    private String action() {
        return start ? "start" : "stop";
    }

    private String opposite() {
        return start ? "stop" : "start";
    }

    private String state() {
        return start ? "active" : "inactive";
    }

    @Override
    public String name() {
        return "service." + action();
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "systemctl " + action() + " a unit and check it is " + state() + "; undo " + (start ? "stops" : "starts")
                + " it";
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
        return Systemctl.show(args) + " " + action() + " " + args.show("name") + ", then check it is " + state();
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        return ServiceAction.run(action(), start, args, context);
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return Systemctl.show(args) + " " + opposite() + " " + args.show("name");
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) throws InterruptedException {
        return ServiceAction.run(opposite(), !start, args, context);
    }
}
