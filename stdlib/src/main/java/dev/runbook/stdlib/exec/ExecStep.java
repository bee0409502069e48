package dev.runbook.stdlib.exec;

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

/** Runs a program with an argv list, never through a shell. */
public final class ExecStep implements StepType {
    @Override
    public String name() {
        return "exec";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "Run a program (argv list, no shell), streaming its output; fails on an exit code not in ok_codes";
    }

    @Override
    public String partWay() {
        return ProcessRun.PART_WAY;
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return ProcessRun.params(ParamSpec.required("argv", Type.LIST, "the program and its arguments"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return ProcessRun.OUTPUTS;
    }

    @Override
    public String describe(Args args) {
        return "run `" + args.show("argv") + "`" + ProcessRun.describeOptions(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        List<String> argv = args.strings("argv");
        if (argv.isEmpty()) {
            return StepResult.failed("argv is empty: give the program to run and its arguments");
        }
        return ProcessRun.run(argv, args, context);
    }
}
