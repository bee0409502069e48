package dev.runbook.cli;

import dev.runbook.engine.ConsoleListener;
import dev.runbook.engine.Interpreter;
import dev.runbook.engine.JsonLinesListener;
import dev.runbook.engine.LocalTarget;
import dev.runbook.engine.RunListener;
import dev.runbook.engine.RunOptions;
import dev.runbook.engine.RunResult;
import dev.runbook.plan.BoundParams;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a runbook: steps in dependency order, confirmations before destructive steps, undo of "
                + "completed steps when one fails, finally steps always.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            " 0:ok", " 1:a step or verify failed (completed steps were undone)", " 2:usage",
            " 3:invalid runbook or params (nothing ran)", " 4:a precondition was not met (nothing changed)",
            " 5:lock held, or refused by the operator / no one to confirm",
            " 6:failed, and the undo failed too: needs a human", "130:interrupted"})
final class RunCommand implements Callable<Integer> {
    private final Services services;

    @Parameters(paramLabel = "FILE", description = "The runbook.")
    Path file;

    @Mixin
    ParamOptions params = new ParamOptions();

    @Option(names = {"-y", "--yes"}, description = "Approve every confirmation (for automation).")
    boolean yes;

    @Option(names = "--approve", paramLabel = "STEP", description = "Approve the confirmation of this step (repeatable).")
    List<String> approve = new ArrayList<>();

    @Option(names = "--parallel", defaultValue = "4", paramLabel = "N",
            description = "Run at most N steps at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--json", description = "Print events as JSON lines instead of the console view.")
    boolean json;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set).")
    boolean noColor;

    @Option(names = {"-v", "--verbose"}, description = "Show every verify attempt.")
    boolean verbose;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    RunCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (parallel < 1) {
            services.err().println("runbook run: --parallel must be at least 1");
            return ExitCodes.USAGE;
        }
        try {
            Clock clock = Clock.systemDefaultZone();
            Prepared prepared = Prepared.of(services, file, params, clock);
            BoundParams bound = prepared.paramsForRun(services, params);
            AtomicBoolean cancel = new AtomicBoolean();
            String runId = runId(clock);
            RunOptions options = new RunOptions(parallel, prepared.loaded().dir(), System.getenv(), clock, runId);
            RunListener listener = json ? new JsonLinesListener(services.out())
                    : new ConsoleListener(services.out(), color(), verbose);
            ConsoleApprover approver = new ConsoleApprover(yes, new HashSet<>(approve), System.console(),
                    services.out());
            LocalTarget target = new LocalTarget();
            NestedCalls calls = new NestedCalls(services, target, approver, listener, prepared.redactor(), options,
                    cancel);
            Interpreter interpreter = new Interpreter(services.registry(), target, approver, listener, calls,
                    prepared.redactor());
            RunResult result;
            try (SignalTrap trap = new SignalTrap(cancel, services.err())) {
                result = interpreter.run(prepared.loaded().checked(), bound, options, cancel);
            }
            return ExitCodes.of(result.status());
        } catch (Prepared.Failed e) {
            return e.exitCode();
        } catch (ParamOptions.BadParams e) {
            services.err().println("runbook: " + e.getMessage());
            return e.exitCode();
        }
    }

    private boolean color() {
        return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
    }

    static String runId(Clock clock) {
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return stamp + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
