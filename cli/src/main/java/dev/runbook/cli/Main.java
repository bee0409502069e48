package dev.runbook.cli;

import dev.runbook.spi.StepRegistry;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line. {@link #run} is what tests call; {@code main} only exits with its result. */
@Command(
        name = "runbook",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "Check, plan and run declarative runbooks: rollbacks and restores reviewed like code.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:ok",
            " 1:a step or verify failed (completed steps were undone)",
            " 2:usage error (unknown command or option)",
            " 3:invalid runbook or params (nothing ran)",
            " 4:a precondition was not met (nothing changed)",
            " 5:lock held, or refused by the operator / no one to confirm",
            " 6:failed, and the undo failed too: needs a human",
            " 7:lost the lock (shared state out of reach): stopped at a safe point, nothing undone",
            "70:internal error (a bug: please report it)",
            "130:interrupted (Ctrl-C); the journal is left for resume"
        })
public final class Main implements Runnable {
    /** The subcommands, in the order that help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            CheckCommand.class,
            PlanCommand.class,
            RunCommand.class,
            DrillCommand.class,
            ResumeCommand.class,
            RunsCommand.class,
            ShowCommand.class,
            StepsCommand.class,
            FmtCommand.class,
            ConvertCommand.class,
            DiffCommand.class,
            SchemaCommand.class,
            CompletionCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintStream out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs one command line; output goes to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        Services services = new Services(out, err, StepRegistry.load());
        CommandLine cli = commandLine(services, args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, argv) -> {
            if (unknownCommand(ex, err)) {
                return ExitCodes.USAGE;
            }
            err.println("runbook: " + ex.getMessage());
            List<String> suggestions = CommandLine.UnmatchedArgumentException.class.isInstance(ex)
                    ? ((CommandLine.UnmatchedArgumentException) ex).getSuggestions()
                    : List.of();
            if (!suggestions.isEmpty()) {
                err.println("did you mean: " + String.join(", ", suggestions) + "?");
            }
            err.println("see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("runbook: internal error: " + services.redactor().redact(String.valueOf(ex)));
            if (services.debug()) {
                java.io.StringWriter trace = new java.io.StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                err.print(services.redactor().redact(trace.toString()));
            } else {
                err.println("(run with --debug for the stack trace; this is a bug, please report it)");
            }
            return ExitCodes.INTERNAL;
        });
        cli.setExecutionStrategy(Main::refuseUnmatchedThenRun);
        services.setDebug(List.of(args).contains("--debug"));
        return cli.execute(args);
    }

    /**
     * Picocli reads every command's annotations by reflection when it is added, a large share of a cold start. A
     * command line that names a command gets only that one; anything else (help, a typo, no command) gets all.
     */
    static CommandLine commandLine(Services services, String[] args) {
        CommandLine cli = new CommandLine(new Main(), new Factory(services));
        String first = args.length > 0 ? args[0] : "";
        Class<?> named = COMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(first))
                .findFirst()
                .orElse(null);
        for (Class<?> command : named == null ? COMMANDS : List.of(named)) {
            cli.addSubcommand(command);
        }
        if (named == null) {
            cli.addSubcommand(new CommandLine.HelpCommand());
        }
        return cli;
    }

    /**
     * Picocli skips its check of unmatched words when help is asked for, so {@code runbook chek --help} printed the
     * general help and exited 0. A word left over at the top is an unknown command, help or not; thrown here, it
     * reaches the parameter exception handler like {@code runbook chek}.
     */
    private static int refuseUnmatchedThenRun(CommandLine.ParseResult parsed) {
        if (!parsed.hasSubcommand() && !parsed.unmatched().isEmpty()) {
            throw new CommandLine.UnmatchedArgumentException(
                    parsed.commandSpec().commandLine(), parsed.unmatched());
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** {@code runbook chek}: one line naming the word and the closest command, instead of picocli's list. */
    private static boolean unknownCommand(CommandLine.ParameterException ex, PrintStream err) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)
                || ex.getCommandLine().getParent() != null
                || unmatched.getUnmatched().isEmpty()) {
            return false;
        }
        String word = unmatched.getUnmatched().get(0);
        if (word.startsWith("-")) {
            return false;
        }
        List<String> close = unmatched.getSuggestions().stream()
                .filter(s -> !s.startsWith("-"))
                .toList();
        err.println("runbook: unknown command '" + word + "'"
                + (close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?") + " (see runbook --help)");
        return true;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Gives every command the shared services. */
    private record Factory(Services services) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Services.class).newInstance(services);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
