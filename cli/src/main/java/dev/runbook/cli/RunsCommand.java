package dev.runbook.cli;

import dev.runbook.engine.RunRecord;
import dev.runbook.engine.StateStore;
import dev.runbook.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List recent runs from their journals: id, runbook, status, start, duration, who.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:ok", " 2:usage", " 3:the state cannot be read"})
final class RunsCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final Services services;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Only runs of this runbook (its state dir).")
    Path file;

    @Option(
            names = "--state",
            paramLabel = "URL",
            description = "Shared state: etcd://host:2379[,...]/prefix (default: $RUNBOOK_STATE, runbook.yaml's "
                    + "state:, else the state dir).")
    String state;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where journals live (default: ./.runbook).")
    Path stateDir;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most N runs (default 20).")
    int limit;

    @Option(names = "--json", description = "A JSON array instead of a table.")
    boolean json;

    RunsCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Path runbookDir = file == null ? null : file.toAbsolutePath().getParent();
        StateStore state;
        try {
            state = StateChoice.of(this.state, stateDir, runbookDir);
        } catch (ParamOptions.BadParams e) {
            services.err().println("runbook runs: " + e.getMessage());
            return e.exitCode();
        }
        String only = file == null ? null : file.toAbsolutePath().normalize().toString();
        List<RunRecord> all;
        try {
            all = state.runs();
        } catch (IOException e) {
            services.err().println("runbook runs: cannot read the runs in " + state.where() + ": " + e.getMessage());
            return ExitCodes.INVALID;
        }
        List<RunRecord> runs = new ArrayList<>();
        for (RunRecord r : all) {
            if ((only == null || only.equals(r.path())) && runs.size() < limit) {
                runs.add(r);
            }
        }
        if (json) {
            List<Object> out = new ArrayList<>();
            runs.forEach(r -> out.add(summary(r)));
            services.out().print(Json.pretty(out));
            return ExitCodes.OK;
        }
        if (runs.isEmpty()) {
            services.out().println("no runs in " + state.where());
            return ExitCodes.OK;
        }
        String format = "%-22s %-20s %-12s %-19s %9s  %s%n";
        services.out().printf(format, "RUN", "RUNBOOK", "STATUS", "STARTED", "DURATION", "WHO");
        for (RunRecord r : runs) {
            services.out()
                    .printf(
                            format,
                            r.runId(),
                            r.runbook(),
                            r.status() + (r.attempts() > 1 ? "*" : ""),
                            r.started() == null ? "?" : WHEN.format(r.started()),
                            r.ended() == null ? "-" : duration(r.durationMs()),
                            r.user() + "@" + r.host());
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> summary(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.runId());
        m.put("runbook", r.runbook());
        m.put("path", r.path());
        m.put("status", r.status());
        m.put("message", r.message());
        m.put("started", r.started() == null ? null : r.started().toString());
        m.put("ended", r.ended() == null ? null : r.ended().toString());
        m.put("duration_ms", r.ended() == null ? null : r.durationMs());
        m.put("user", r.user());
        m.put("host", r.host());
        m.put("pid", r.pid());
        m.put("attempts", (long) r.attempts());
        m.put("plan_hash", r.planHash());
        return m;
    }

    static String duration(long ms) {
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return (ms / 60_000) + "m" + (ms / 1000 % 60) + "s";
    }
}
