package dev.runbook.stdlib.nginx;

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
import java.util.Set;

/** {@code nginx.reload}: test, reload, and prove the running server took the new configuration. */
public final class NginxReloadStep implements StepType {
    @Override
    public String name() {
        return "nginx.reload";
    }

    @Override
    public String summary() {
        return "nginx -t, then nginx -s reload, then wait for new workers under the same master (or the error)";
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
        return NginxBinary.RUNTIME_PARAMS;
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("master_pid", Type.INT, "the master's pid (unchanged by a reload)"),
                OutputSpec.of("old_workers", Type.LIST, "worker pids before the reload"),
                OutputSpec.of("new_workers", Type.LIST, "worker pids started by the reload"));
    }

    @Override
    public String describe(Args args) {
        String nginx = NginxBinary.show(args);
        return nginx + " -t, then " + nginx + " -s reload, then wait up to " + args.show("wait")
                + " for new workers under the same master (fails on an [emerg]/[alert] in the error log)";
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        try {
            return StepResult.ok(new NginxReloader(new NginxBinary(args, context), args, context).reload());
        } catch (NginxBinary.NginxFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }
}
