package dev.runbook.cli;

import dev.runbook.engine.LocalState;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.plan.BoundParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "drill",
        mixinStandardHelpOptions = true,
        description = "Prove a runbook's failure paths: run it once through, then once for each step that changes "
                + "something with that step made to fail after its work, and check after each undo that the "
                + "runbook's invariants read as before and its final verifies hold. Each run gets a fresh "
                + "environment from --sandbox; without one, the params must mark the host as a drill target "
                + "(drill_target=true).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:every case was undone and left the invariants as they were",
            " 1:a case left a difference, an undo failed, or the baseline did not run through",
            " 2:usage",
            " 3:invalid runbook or params",
            " 5:refused: no --sandbox and the host is not marked as a drill target (nothing ran)"
        })
final class DrillCommand implements Callable<Integer> {
    static final String TARGET_PARAM = "drill_target";

    private final Services services;

    @Parameters(paramLabel = "FILE", description = "The runbook.")
    Path file;

    @Mixin
    ParamOptions params = new ParamOptions();

    @Option(
            names = "--only",
            paramLabel = "STEP",
            arity = "1..*",
            description = "Make only these steps fail (the baseline always runs).")
    List<String> only = new ArrayList<>();

    @Option(
            names = "--sandbox",
            paramLabel = "SCRIPT",
            description = "Run `SCRIPT create DIR` before each run (it prints name=value params for a fresh "
                    + "environment) and `SCRIPT destroy DIR` after it.")
    Path sandbox;

    @Option(
            names = "--part-way",
            description = "Also make each step whose type can fail part-way through its own work (shell and exec "
                    + "after the process ran, mongo.restore after dropping the first collection) fail there, in a "
                    + "case of its own.")
    boolean partWay;

    @Option(names = "--format", defaultValue = "text", description = "text, markdown or json.")
    String format;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Where the runs' journals and the drill's logs go (default: .runbook/ beside the runbook).")
    Path stateDir;

    DrillCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (!List.of("text", "markdown", "json").contains(format)) {
            services.err().println("runbook drill: unknown --format " + format + " (use text, markdown or json)");
            return ExitCodes.USAGE;
        }
        try {
            Map<String, Object> given = params.given();
            Loaded loaded = load();
            Runbook rb = loaded.runbook();
            List<Step> steps = Drill.writeSteps(rb, services.registry());
            Integer bad = unknownOnly(rb, steps);
            if (bad != null) {
                return bad;
            }
            if (!only.isEmpty()) {
                steps = steps.stream().filter(s -> only.contains(s.id())).toList();
            }
            if (sandbox == null && !markedTarget(given)) {
                services.err()
                        .println("runbook drill: refused: no --sandbox, and this host is not marked as a drill target; "
                                + "nothing ran. A drill makes every step of " + file + " fail in turn: give it a "
                                + "sandbox script, or on a host made for drills pass --param " + TARGET_PARAM
                                + "=true (the runbook declares `param " + TARGET_PARAM + ": bool = false`).");
                return ExitCodes.REFUSED;
            }
            LocalState state = LocalState.of(stateDir, loaded.dir());
            Path logs = state.root().resolve("drills").resolve(RunCommand.runId(Clock.systemDefaultZone()));
            Files.createDirectories(logs);
            Sandbox box = sandbox == null ? null : new Sandbox(sandbox);
            List<DrillCase> cases = new Drill(services, file, given, box, state, logs, partWay).run(rb, steps);
            DrillReport report =
                    new DrillReport(rb, file.toString(), sandbox == null ? null : sandbox.toString(), cases);
            services.out()
                    .print(
                            switch (format) {
                                case "json" -> report.json();
                                case "markdown" -> report.markdown();
                                default -> report.text();
                            });
            services.err().println("drill: logs of every run in " + logs);
            return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (Prepared.Failed e) {
            return e.exitCode();
        } catch (ParamOptions.BadParams e) {
            services.err().println("runbook: " + e.getMessage());
            return e.exitCode();
        } catch (IOException e) {
            services.err().println("runbook drill: " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
    }

    private Integer unknownOnly(Runbook rb, List<Step> steps) {
        for (String id : only) {
            if (steps.stream().noneMatch(s -> s.id().equals(id))) {
                boolean exists = rb.steps().stream().anyMatch(s -> s.id().equals(id));
                services.err()
                        .println("runbook drill: --only " + id + ": "
                                + (exists ? "a read step changes nothing, there is nothing to undo" : "no such step")
                                + "; steps that change something: "
                                + String.join(", ", steps.stream().map(Step::id).toList()));
                return ExitCodes.USAGE;
            }
        }
        return null;
    }

    /** Read and checked; the params come later, from the sandbox of each run. */
    private Loaded load() {
        dev.runbook.diagnostic.Diagnostics diagnostics = new dev.runbook.diagnostic.Diagnostics();
        Loaded loaded = services.workbench().load(file, diagnostics);
        if (loaded == null) {
            services.report(diagnostics);
            throw new Prepared.Failed(ExitCodes.INVALID);
        }
        return loaded;
    }

    /** Without a sandbox the host itself must say that it is made for drills: its params bind drill_target true. */
    private boolean markedTarget(Map<String, Object> given) {
        BoundParams bound =
                Prepared.of(services, file, given, Clock.systemDefaultZone()).paramsForRun(services, given);
        return Boolean.TRUE.equals(bound.values().get(TARGET_PARAM));
    }
}
