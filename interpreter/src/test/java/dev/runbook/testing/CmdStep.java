package dev.runbook.testing;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Command;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A write step for engine tests: runs argv through the context's target in the work directory. */
public final class CmdStep implements StepType {
    @Override
    public String name() {
        return "cmd";
    }

    @Override
    public String summary() {
        return "Run argv through the target (engine tests)";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.required("argv", Type.LIST, "the program and its arguments"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("exit_code", Type.INT, "the exit code"),
                OutputSpec.of("stdout", Type.STRING, "standard output, stripped"));
    }

    @Override
    public String describe(Args args) {
        return "run `" + args.show("argv") + "`";
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        Command command =
                Command.of(args.strings("argv")).withCwd(context.workDir()).withOnLine(context::log);
        ProcessResult r;
        try {
            r = context.target().run(command);
        } catch (IOException e) {
            return StepResult.failed("cannot run " + command.display() + ": " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exit_code", (long) r.exitCode());
        out.put("stdout", r.stdout().strip());
        return r.ok() ? StepResult.ok(out) : StepResult.failed("exit code " + r.exitCode() + ": " + r.lastLine(), out);
    }
}
