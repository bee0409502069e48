package dev.runbook.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What run and resume share: approvals, parallelism, output, the state dir, waiting for the lock. */
final class RunFlags {
    @Option(
            names = {"-y", "--yes"},
            description = "Approve every confirmation (for automation).")
    boolean yes;

    @Option(
            names = "--approve",
            paramLabel = "STEP",
            description = "Approve the confirmation of this step (repeatable).")
    List<String> approve = new ArrayList<>();

    @Option(
            names = "--parallel",
            defaultValue = "4",
            paramLabel = "N",
            description = "Run at most N steps at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--json", description = "Print events as JSON lines instead of the console view.")
    boolean json;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set).")
    boolean noColor;

    @Option(
            names = {"-q", "--quiet"},
            description = "Do not show what read steps found (the last commits, app status, counts).")
    boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show every verify attempt.")
    boolean verbose;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Where journals and locks live (default: .runbook/ beside the runbook).")
    Path stateDir;

    @Option(
            names = "--state",
            paramLabel = "URL",
            description = "Shared state for a team: etcd://host:2379[,host2:2379...]/prefix[?ttl=30s] (or a "
                    + "directory). Default: $RUNBOOK_STATE, else state: in runbook.yaml beside the runbook, else "
                    + ".runbook/.")
    String state;

    @Option(
            names = "--wait-lock",
            paramLabel = "DURATION",
            description = "When another run holds the lock, wait up to this long (e.g. 30s, 5m) before giving up.")
    String waitLock;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    /** The --wait-lock duration (zero when not given); a bad value is a usage error. */
    Duration lockWait() {
        if (waitLock == null) {
            return Duration.ZERO;
        }
        try {
            return (Duration) dev.runbook.expr.Functions.find("duration")
                    .orElseThrow()
                    .body()
                    .apply(List.of(waitLock.strip()), null);
        } catch (RuntimeException e) {
            throw new ParamOptions.BadParams(
                    ExitCodes.USAGE, "--wait-lock needs a duration such as 30s or 5m, got '" + waitLock + "'");
        }
    }
}
