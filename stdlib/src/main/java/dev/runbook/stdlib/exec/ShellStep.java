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

/** Runs a script with {@code <shell> -c}: the explicit opt-in to pipes, globs and redirections. */
public final class ShellStep implements StepType {
    @Override
    public String name() {
        return "shell";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "Run a script with `bash -c` (explicit opt-in to a shell), streaming its output";
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
        return ProcessRun.params(
                ParamSpec.required("script", Type.STRING, "the script text"),
                ParamSpec.optional("shell", Type.STRING, "bash", "the shell that runs the script with -c"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return ProcessRun.OUTPUTS;
    }

    @Override
    public String describe(Args args) {
        String script = args.show("script").strip();
        int newline = script.indexOf('\n');
        String first = newline < 0 ? script : script.substring(0, newline) + " ...";
        return "run " + args.show("shell") + " script `" + first + "`" + ProcessRun.describeOptions(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        return ProcessRun.run(List.of(args.string("shell"), "-c", args.string("script")), args, context);
    }
}
