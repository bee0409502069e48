package dev.runbook.stdlib.service;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.io.IOException;
import java.util.List;

/** {@code service.status}: whether a systemd unit is active, from {@code systemctl show}. */
public final class ServiceStatusStep implements StepType {
    static final List<OutputSpec> OUTPUTS = List.of(
            OutputSpec.of("active", Type.BOOL, "ActiveState is active"),
            OutputSpec.of("state", Type.STRING, "ActiveState: active, inactive, failed, activating, ..."),
            OutputSpec.of("sub_state", Type.STRING, "SubState: running, dead, exited, ..."));

    @Override
    public String name() {
        return "service.status";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "Whether a systemd unit is active, and its state (systemctl show)";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<ParamSpec> params() {
        return Systemctl.PARAMS;
    }

    @Override
    public List<OutputSpec> outputs() {
        return OUTPUTS;
    }

    @Override
    public String describe(Args args) {
        return Systemctl.show(args) + " show -p ActiveState -p SubState " + args.show("name");
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        Systemctl systemctl = new Systemctl(args, context);
        try {
            return StepResult.ok(systemctl.state(args.string("name")));
        } catch (IOException e) {
            return StepResult.failed(systemctl.cannotRun(e));
        }
    }
}
