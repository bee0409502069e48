package dev.runbook.cli;

import dev.runbook.engine.Resume;
import dev.runbook.engine.RunRecord;
import dev.runbook.engine.StateStore;
import dev.runbook.engine.StepOutcome;
import dev.runbook.engine.StepRecord;
import dev.runbook.engine.StepStatus;
import dev.runbook.json.Json;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.plan.BoundParams;
import dev.runbook.plan.Plan;
import dev.runbook.plan.PlanJson;
import dev.runbook.plan.Program;
import dev.runbook.plan.SavedPlanChanges;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = "Continue a run that failed, was interrupted or crashed, from its journal: steps it finished "
                + "are not repeated (their outputs are restored); a step that started but never ended is re-checked "
                + "by its `unless`, re-run when its type is idempotent, and otherwise put to you "
                + "(--assume-done or --rerun). Secret params are not kept: give them again with --param.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:ok",
            " 1:a step or verify failed",
            " 2:usage",
            " 3:no such run, or the runbook changed since the run started (nothing ran)",
            " 4:a precondition was not met",
            " 5:lock held, or a step needs your decision",
            " 6:failed, and the undo failed too",
            " 7:lost the lock (shared state out of reach): stopped at a safe point, nothing undone",
            "130:interrupted"
        })
final class ResumeCommand implements Callable<Integer> {
    private final Services services;

    @Parameters(index = "0", paramLabel = "RUN-ID", description = "The run to continue (see `runbook runs`).")
    String runId;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "FILE",
            description = "The runbook, when it is not where the run started (another machine): the same source, "
                    + "checked by the plan hash.")
    Path file;

    @Mixin
    ParamOptions params = new ParamOptions();

    @Mixin
    RunFlags flags = new RunFlags();

    @Option(
            names = "--assume-done",
            paramLabel = "STEP",
            description = "A step that started but never ended did its work: do not run it again (repeatable).")
    List<String> assumeDone = new ArrayList<>();

    @Option(
            names = "--rerun",
            paramLabel = "STEP",
            description = "A step that started but never ended did not do its work: run it again (repeatable).")
    List<String> rerun = new ArrayList<>();

    ResumeCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        StateStore state;
        try {
            state = StateChoice.of(
                    flags.state,
                    flags.stateDir,
                    file == null ? null : file.toAbsolutePath().getParent());
        } catch (ParamOptions.BadParams e) {
            services.err().println("runbook resume: " + e.getMessage());
            return e.exitCode();
        }
        Boolean found = hasRun(state);
        if (found == null) {
            return ExitCodes.INVALID;
        }
        if (!found) {
            services.err()
                    .println("runbook resume: no run " + runId + " in " + state.where() + " (see `runbook runs"
                            + state.flag() + "`; --state-dir DIR if it is elsewhere)");
            return ExitCodes.INVALID;
        }
        try {
            flags.lockWait();
            RunRecord record = state.read(runId);
            Integer early = early(record);
            if (early != null) {
                return early;
            }
            Clock clock = Clock.systemDefaultZone();
            Map<String, Object> given = givenAgain(record);
            Path runbook = file != null ? file : Path.of(record.path());
            if (!java.nio.file.Files.isRegularFile(runbook)) {
                services.err()
                        .println("runbook resume: run " + runId + " ran " + record.path() + " (on " + record.host()
                                + "), which is not here: give the same runbook, runbook resume " + runId + " FILE");
                return ExitCodes.INVALID;
            }
            Prepared prepared = Prepared.of(services, runbook, given, params.inventory, clock);
            Plan plan = prepared.plan();
            if (!plan.hash().equals(record.planHash())) {
                return refuseChanged(state, record, plan);
            }
            Map<String, StepOutcome> done = new LinkedHashMap<>();
            List<String> undecided = decide(prepared.loaded().program(), record, done);
            if (!undecided.isEmpty()) {
                undecided.forEach(services.err()::println);
                services.err()
                        .println(
                                "then: runbook resume " + runId + " --assume-done STEP or --rerun STEP" + state.flag());
                return ExitCodes.REFUSED;
            }
            BoundParams bound = prepared.paramsForRun(services, given);
            return new RunSession(services, flags, state, clock)
                    .run(prepared, bound, plan, new ArrayList<>(given.keySet()), runId, new Resume(done));
        } catch (Prepared.Failed e) {
            return e.exitCode();
        } catch (ParamOptions.BadParams e) {
            services.err().println("runbook: " + e.getMessage());
            return e.exitCode();
        } catch (IOException e) {
            services.err().println("runbook resume: cannot read the journal of " + runId + ": " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }

    private Integer early(RunRecord record) {
        if (record.finishedOk()) {
            services.out().println("run " + runId + " already finished ok; nothing to resume");
            return ExitCodes.OK;
        }
        if ("running".equals(record.status())) {
            services.err()
                    .println("runbook resume: run " + runId + " is still running (pid " + record.pid() + " on "
                            + record.host() + ")");
            return ExitCodes.REFUSED;
        }
        if (record.path() == null) {
            services.err().println("runbook resume: the journal of " + runId + " does not say which runbook ran");
            return ExitCodes.INVALID;
        }
        return null;
    }

    /** The params the run was given, as the journal kept them; secrets must come again from --param. */
    private Map<String, Object> givenAgain(RunRecord record) {
        Map<String, Object> fromCommandLine = params.given();
        Map<String, Object> given = new LinkedHashMap<>();
        for (String name : record.given()) {
            Object kept = record.params().get(name);
            if (!dev.runbook.plan.Redactor.MASK.equals(kept)) {
                given.put(name, kept);
            } else if (!fromCommandLine.containsKey(name)) {
                throw new ParamOptions.BadParams(
                        ExitCodes.INVALID,
                        "param " + name + " is secret, so the journal " + "did not keep it: give it again with --param "
                                + name + "=...");
            }
        }
        given.putAll(fromCommandLine);
        return given;
    }

    private int refuseChanged(StateStore state, RunRecord record, Plan plan) throws IOException {
        services.err()
                .println("runbook: the runbook changed since run " + runId + " started (plan hash "
                        + abbrev(record.planHash()) + " then, " + abbrev(plan.hash()) + " now); nothing was run.");
        String saved = state.plan(runId);
        if (saved != null && Json.parse(saved) instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> then = (Map<String, Object>) m;
            services.err().println("Changed:");
            SavedPlanChanges.between(then, PlanJson.toMap(plan))
                    .forEach(c -> services.err().println("  - " + c));
        }
        services.err().println("restore the runbook as it was, or start a new run: runbook run " + record.path());
        return ExitCodes.INVALID;
    }

    /**
     * Fills {@code done} with the main steps not to repeat, and returns one line per step that started but never
     * ended and that only the operator can decide about.
     */
    private List<String> decide(Program program, RunRecord record, Map<String, StepOutcome> done) {
        Runbook rb = program.runbook();
        List<String> undecided = new ArrayList<>();
        hostsDone(program, record, done);
        for (StepRecord s : record.steps().values()) {
            Step step = stepAt(program, s.id());
            if (step == null) {
                continue;
            }
            Program block = program.call(s.id());
            if (block != null && block.onHosts() && !s.done()) {
                continue; // a block cut off mid-rollout continues host by host
            }
            if (s.done() || (s.started() && assumeDone.contains(s.id()))) {
                StepStatus status = "skipped".equals(s.status()) ? StepStatus.SKIPPED : StepStatus.OK;
                done.put(
                        s.id(),
                        new StepOutcome(
                                s.id(),
                                status,
                                s.outputs(),
                                s.message(),
                                (int) s.attempts(),
                                Duration.ofMillis(s.durationMs())));
            } else if (s.started() && !rerun.contains(s.id()) && step.unless() == null && !idempotent(step)) {
                undecided.add("step " + s.id() + " (" + step.type() + ") started but its end was never recorded: "
                        + "it may or may not have done its work. Check what it does ("
                        + (s.describe() == null ? step.type() : s.describe()) + ").");
            }
        }
        return undecided;
    }

    /**
     * A main step by id, or a step of an {@code on} block by {@code block/host/step}: each host's steps are decided
     * like main steps.
     */
    private static Step stepAt(Program program, String id) {
        String[] parts = id.split("/");
        if (parts.length == 3
                && program.call(parts[0]) != null
                && program.call(parts[0]).onHosts()) {
            return program.call(parts[0]).runbook().step(parts[2]).orElse(null);
        }
        return parts.length == 1 ? program.runbook().step(id).orElse(null) : null;
    }

    /** Hosts of {@code on} blocks whose whole run (steps and gate) ended ok in an earlier attempt. */
    private static void hostsDone(Program program, RunRecord record, Map<String, StepOutcome> done) {
        for (Map<String, Object> e : record.events()) {
            if ("host-end".equals(e.get("event")) && "ok".equals(e.get("status")) && e.get("step") != null) {
                String path = String.valueOf(e.get("step"));
                Program block = program.call(path.split("/")[0]);
                if (block != null && block.onHosts()) {
                    done.put(path, new StepOutcome(path, StepStatus.OK, Map.of(), null, 1, Duration.ZERO));
                }
            }
        }
    }

    private boolean idempotent(Step step) {
        return services.registry().find(step.type()).map(t -> t.idempotent()).orElse(false);
    }

    private static String abbrev(String hash) {
        return hash == null ? "?" : hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** Whether the state has the run; null (said on stderr) when the state cannot be read. */
    private Boolean hasRun(StateStore state) {
        try {
            return state.hasRun(runId);
        } catch (IOException e) {
            services.err().println("runbook resume: cannot read the state in " + state.where() + ": " + e.getMessage());
            return null;
        }
    }
}
