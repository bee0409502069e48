package dev.runbook.stdlib.exec;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Command;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code exec} and {@code shell} share: the common parameters, running the command, judging its exit. */
final class ProcessRun {
    static final List<ParamSpec> COMMON_PARAMS = List.of(
            ParamSpec.optional("env", Type.MAP, null, "extra environment variables for the process"),
            ParamSpec.optional("cwd", Type.STRING, null, "working directory, relative to the runbook's directory"),
            ParamSpec.optional("stdin", Type.STRING, null, "text written to the process's standard input"),
            ParamSpec.optional(
                    "timeout",
                    Type.DURATION,
                    null,
                    "time limit; when it passes the whole process tree is killed (TERM, then KILL)"),
            ParamSpec.optional("ok_codes", Type.LIST, List.of(0L), "exit codes that count as success"));

    static final List<OutputSpec> OUTPUTS = List.of(
            OutputSpec.of("exit_code", Type.INT, "the exit code (-1 if it was killed)"),
            OutputSpec.of("stdout", Type.STRING, "standard output, captured up to 1 MiB"),
            OutputSpec.of("stderr", Type.STRING, "standard error, captured up to 1 MiB"),
            OutputSpec.of("duration", Type.DURATION, "how long it ran"));

    /** Where a drill can make exec and shell fail part-way. */
    static final String PART_WAY = "after the process ran, before its result is read";

    private ProcessRun() {}

    static List<ParamSpec> params(ParamSpec first, ParamSpec... more) {
        List<ParamSpec> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(more));
        all.addAll(COMMON_PARAMS);
        return List.copyOf(all);
    }

    /** The tail of a describe line: where and how long, when the runbook says so. */
    static String describeOptions(Args args) {
        StringBuilder out = new StringBuilder();
        if (args.has("cwd")) {
            out.append(" in ").append(args.show("cwd"));
        }
        if (args.has("timeout")) {
            out.append(", timeout ").append(args.show("timeout"));
        }
        return out.toString();
    }

    static StepResult run(List<String> argv, Args args, StepContext context) throws InterruptedException {
        String shown = context.redact(String.join(" ", argv));
        Command command = new Command(
                argv, args.stringMap("env"), null, args.string("stdin"), args.duration("timeout"), context::log);
        if (args.has("cwd")) {
            Path dir = context.resolve(args.string("cwd"));
            if (context.target().isLocal() && !Files.isDirectory(dir)) {
                return StepResult.failed("working directory " + dir + " does not exist; check cwd");
            }
            command = command.withCwd(dir);
        }
        ProcessResult result;
        try {
            result = context.target().run(command);
        } catch (IOException e) {
            return StepResult.failed(context.redact(
                    context.target().isLocal()
                            ? "cannot start `" + shown + "` on "
                                    + context.target().name() + ": " + e.getMessage()
                                    + "; check that the program is installed and on PATH"
                            : "`" + shown + "`: " + e.getMessage()));
        }
        if (context.failsHere(PART_WAY)) {
            // what a lost connection or a killed runner looks like: the process did its work, its result is gone
            return StepResult.failed("`" + shown + "` ran, then the step was stopped by the drill part-way (" + PART_WAY
                    + "): no exit code, no output");
        }
        return judge(shown, result, okCodes(args), command.timeout(), context);
    }

    private static StepResult judge(
            String shown, ProcessResult result, List<Long> okCodes, Duration timeout, StepContext context) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("exit_code", (long) result.exitCode());
        outputs.put("stdout", context.redact(result.stdout()));
        outputs.put("stderr", context.redact(result.stderr()));
        outputs.put("duration", result.elapsed());
        String tail = result.lastLine().isEmpty() ? "" : ": " + result.lastLine();
        if (result.timedOut()) {
            return StepResult.failed(
                    context.redact("`" + shown + "` timed out after "
                            + Values.show(timeout) + " and was killed with its child processes"
                            + tail + "; raise timeout if it needs longer"),
                    outputs);
        }
        if (!okCodes.contains((long) result.exitCode())) {
            return StepResult.failed(
                    context.redact(
                            "`" + shown + "` exited with code " + result.exitCode() + " (ok: " + okCodes + ")" + tail),
                    outputs);
        }
        return StepResult.ok(outputs);
    }

    private static List<Long> okCodes(Args args) {
        List<Long> codes = new ArrayList<>();
        for (Object o : args.list("ok_codes")) {
            codes.add(o instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(o)));
        }
        return codes.isEmpty() ? List.of(0L) : codes;
    }
}
