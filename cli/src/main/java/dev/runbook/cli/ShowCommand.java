package dev.runbook.cli;

import dev.runbook.engine.RunRecord;
import dev.runbook.engine.StateStore;
import dev.runbook.engine.StepRecord;
import dev.runbook.json.Json;
import dev.runbook.spi.Values;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show one run from its journal: who ran it with which params, each step's result and "
                + "outputs, verify evidence, undo taken.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:ok", " 2:usage", " 3:no such run"})
final class ShowCommand implements Callable<Integer> {
    private static final int SHOWN = 100;
    private final Services services;

    @Parameters(paramLabel = "RUN-ID", description = "The run (see `runbook runs`).")
    String runId;

    @Option(
            names = "--state",
            paramLabel = "URL",
            description = "Shared state: etcd://host:2379[,...]/prefix (default: $RUNBOOK_STATE, runbook.yaml's "
                    + "state:, else the state dir).")
    String state;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where journals live (default: ./.runbook).")
    Path stateDir;

    @Option(names = "--json", description = "The run as one JSON object.")
    boolean json;

    ShowCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        StateStore state;
        try {
            state = StateChoice.of(this.state, stateDir, null);
        } catch (ParamOptions.BadParams e) {
            services.err().println("runbook show: " + e.getMessage());
            return e.exitCode();
        }
        Boolean found = hasRun(state);
        if (found == null) {
            return ExitCodes.INVALID;
        }
        if (!found) {
            services.err().println("runbook show: no run " + runId + " in " + state.where());
            return ExitCodes.INVALID;
        }
        RunRecord r;
        try {
            r = state.read(runId);
        } catch (IOException e) {
            services.err().println("runbook show: cannot read the journal of " + runId + ": " + e.getMessage());
            return ExitCodes.INVALID;
        }
        if (json) {
            services.out().print(Json.pretty(toMap(r)));
        } else {
            text(r, services.out());
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> toMap(RunRecord r) {
        Map<String, Object> m = RunsCommand.summary(r);
        m.put("params", r.params());
        List<Object> steps = new ArrayList<>();
        for (StepRecord s : r.steps().values()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("id", s.id());
            step.put("status", s.status());
            step.put("describe", s.describe());
            step.put("message", s.message());
            step.put("attempts", s.attempts());
            step.put("duration_ms", s.durationMs());
            step.put("outputs", s.outputs());
            step.put("verify", verifiesOf(r, s.id()));
            step.put("undo", s.undo());
            steps.add(step);
        }
        m.put("steps", steps);
        m.put("verify", r.verifies());
        m.put("events", r.events());
        m.put("torn", r.torn());
        return m;
    }

    private static List<Map<String, Object>> verifiesOf(RunRecord r, String stepId) {
        return r.events().stream()
                .filter(e -> "verify".equals(e.get("event")) && stepId.equals(e.get("step")))
                .toList();
    }

    private static void text(RunRecord r, PrintStream out) {
        out.println("run " + r.runId() + "  " + r.runbook() + "  " + r.status().toUpperCase(java.util.Locale.ROOT)
                + (r.message() == null ? "" : ": " + r.message()));
        out.println("  runbook  " + r.path());
        out.println("  by       " + r.user() + "@" + r.host() + " (pid " + r.pid() + ")");
        out.println("  started  " + r.started()
                + (r.ended() == null ? "" : ", ended " + r.ended() + " (" + RunsCommand.duration(r.durationMs()) + ")")
                + (r.attempts() > 1 ? ", " + (r.attempts() - 1) + " resume(s)" : ""));
        out.println("  plan     " + r.planHash());
        if (!r.params().isEmpty()) {
            out.println("  params   " + Values.show(r.params()));
        }
        out.println("steps:");
        for (StepRecord s : r.steps().values()) {
            out.println("  " + s.status() + " " + s.id()
                    + (s.durationMs() > 0 ? "  (" + RunsCommand.duration(s.durationMs()) + ")" : "")
                    + (s.message() == null ? "" : ": " + s.message()));
            if (s.describe() != null) {
                out.println("      did: " + s.describe());
            }
            s.outputs().forEach((k, v) -> out.println("      " + k + " = " + cut(Values.show(v))));
            for (Map<String, Object> v : verifiesOf(r, s.id())) {
                out.println("      verify " + (Boolean.TRUE.equals(v.get("ok")) ? "ok" : "not yet") + ": "
                        + v.get("expect"));
            }
            if (s.undo() != null) {
                out.println("      undo: " + s.undo());
            }
        }
        for (Map<String, Object> v : r.verifies()) {
            out.println("verify " + v.get("name") + ": "
                    + (Boolean.TRUE.equals(v.get("ok")) ? "ok" : "FAILED " + v.get("message")));
        }
        if (r.torn()) {
            out.println("(the journal's last line was torn by a crash and was ignored)");
        }
    }

    private static String cut(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() > SHOWN ? one.substring(0, SHOWN) + "..." : one;
    }

    /** Whether the state has the run; null (said on stderr) when the state cannot be read. */
    private Boolean hasRun(StateStore state) {
        try {
            return state.hasRun(runId);
        } catch (IOException e) {
            services.err().println("runbook show: cannot read the state in " + state.where() + ": " + e.getMessage());
            return null;
        }
    }
}
