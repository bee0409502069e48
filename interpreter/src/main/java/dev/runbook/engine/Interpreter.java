package dev.runbook.engine;

import dev.runbook.expr.Env;
import dev.runbook.expr.EvalException;
import dev.runbook.expr.Evaluator;
import dev.runbook.model.FailurePolicy;
import dev.runbook.model.Guard;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.plan.ArgBinder;
import dev.runbook.plan.BoundParams;
import dev.runbook.plan.Graph;
import dev.runbook.plan.Planner;
import dev.runbook.plan.Program;
import dev.runbook.plan.Redactor;
import dev.runbook.spi.Args;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs a checked runbook: main steps wave by wave as their dependencies finish (at most {@code parallel} at once),
 * then the runbook's verifies; on failure the completed steps are undone in reverse order and the on_failure
 * steps run; finally steps always run. Nothing starts when a confirmation could not be answered or a runbook
 * precondition does not hold.
 */
public final class Interpreter {
    private final StepRegistry registry;
    private final Target target;
    private final Approver approver;
    private final RunListener listener;
    private final CallRunner calls;
    private final Redactor redactor;
    private Map<String, Map<String, Object>> inherited = Map.of();

    public Interpreter(
            StepRegistry registry,
            Target target,
            Approver approver,
            RunListener listener,
            CallRunner calls,
            Redactor redactor) {
        this.registry = registry;
        this.target = target;
        this.approver = approver;
        this.listener = listener;
        this.calls = calls;
        this.redactor = redactor;
    }

    public RunResult run(Program program, BoundParams params, RunOptions options, AtomicBoolean cancel) {
        return run(program, params, options, cancel, Resume.NONE);
    }

    /**
     * Lets the steps of the runs started here read {@code steps.x} of steps that ran outside them (the steps before
     * an {@code on} block, for each host's run of the block).
     */
    public Interpreter inheriting(Map<String, Map<String, Object>> outputs) {
        this.inherited = Map.copyOf(outputs);
        return this;
    }

    /**
     * Undoes, in reverse order, the steps of a run that already ended ok ({@code done} holds their outcomes in the
     * order they ended): a host of a rolling batch that passed its gate, when the batch as a whole did not. True
     * when every undo that was needed worked.
     */
    public boolean undo(Program program, BoundParams params, RunOptions options, Resume done) {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("runbook-timeout"));
        try {
            RunState state = new RunState(program.runbook(), params, options, inherited);
            StepRunner cleanup = new StepRunner(
                    program, registry, calls, target, redactor, approver, listener, options, () -> false, watchdog);
            restore(program.graph(), state, done, false);
            return new Undoer(cleanup, state, listener, registry).undoAll();
        } finally {
            watchdog.shutdownNow();
        }
    }

    /** Runs, or continues a run: the main steps {@code resume} holds are taken as done, with their outputs. */
    public RunResult run(Program program, BoundParams params, RunOptions options, AtomicBoolean cancel, Resume resume) {
        return run(program, params, options, cancel, resume, () -> true);
    }

    /**
     * Runs under a lock that can be lost: when the run stops and {@code lockHeld} cannot prove the lock is still
     * ours, nothing is undone and no on_failure or finally step runs (another run may hold the lock by now); the run
     * ends {@link RunStatus#LOCK_LOST}, to be resumed.
     */
    public RunResult run(
            Program program,
            BoundParams params,
            RunOptions options,
            AtomicBoolean cancel,
            Resume resume,
            BooleanSupplier lockHeld) {
        Runbook rb = program.runbook();
        long started = System.nanoTime();
        Map<String, Object> startData = new LinkedHashMap<>();
        startData.put("runbook", rb.name());
        startData.put("run_id", options.runId());
        if (!resume.done().isEmpty()) {
            startData.put("resumed", true);
        }
        listener.on(new Event("run-start", null, options.clock().instant(), startData));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("runbook-timeout"));
        try {
            RunState state = new RunState(rb, params, options, inherited);
            StepRunner runner = new StepRunner(
                    program, registry, calls, target, redactor, approver, listener, options, cancel::get, watchdog);
            // Undo, on_failure and finally run in full even after a cancel (a second Ctrl-C leaves at once):
            // seeing the cancel flag, their retries and verify polls would give up at the first try.
            StepRunner cleanup = new StepRunner(
                    program, registry, calls, target, redactor, approver, listener, options, () -> false, watchdog);
            restore(program.graph(), state, resume, true);
            RunResult result = run(program, state, runner, cleanup, options, cancel, lockHeld);
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
            end.put("message", result.message());
            end.put("duration_ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
            listener.on(new Event("run-end", null, options.clock().instant(), end));
            return result;
        } finally {
            watchdog.shutdownNow();
        }
    }

    private RunResult run(
            Program program,
            RunState state,
            StepRunner runner,
            StepRunner cleanup,
            RunOptions options,
            AtomicBoolean cancel,
            BooleanSupplier lockHeld) {
        Runbook rb = program.runbook();
        String gate = unanswerableGate(program, state);
        if (gate != null) {
            return state.result(options.runId(), RunStatus.REFUSED, gate);
        }
        String unmet = unmetRequire(rb, state.env(null));
        if (unmet != null) {
            return state.result(options.runId(), RunStatus.PRECONDITION, unmet);
        }
        Attempt failed = runMain(program.graph(), state, runner, options, cancel);
        if (failed == null && !cancel.get()) {
            failed = new FinalVerifier(runner, state, listener, registry, cancel::get).verify(rb.verifies());
        }
        RunStatus status = RunStatus.OK;
        String message =
                rb.steps().size() == 1 ? "the 1 step done" : "all " + rb.steps().size() + " steps done";
        if ((failed != null || cancel.get()) && !lockHeld.getAsBoolean()) {
            return state.result(
                    options.runId(),
                    RunStatus.LOCK_LOST,
                    "stopped: the run's lock could not be proven held, so nothing was undone"
                            + (failed == null
                                    ? ""
                                    : " (step " + failed.outcome().id() + ": "
                                            + failed.outcome().message() + ")"));
        }
        if (failed != null || cancel.get()) {
            status = statusOf(failed, state, cancel.get());
            message = failed == null
                    ? "interrupted"
                    : "step " + failed.outcome().id() + " failed: "
                            + failed.outcome().message();
            FailurePolicy policy = failed == null
                    ? FailurePolicy.UNDO
                    : policyOf(rb, failed.outcome().id());
            if (policy == FailurePolicy.UNDO
                    && status != RunStatus.PRECONDITION
                    && !new Undoer(cleanup, state, listener, registry).undoAll()) {
                status = RunStatus.UNDO_FAILED;
                message += "; undo failed too, a human must look";
            }
            runChain(rb.onFailureSteps(), state, cleanup);
        }
        if (!runChain(rb.finallySteps(), state, cleanup) && status == RunStatus.OK) {
            status = RunStatus.FAILED;
            message = "a finally step failed";
        }
        return state.result(options.runId(), status, message);
    }

    private RunStatus statusOf(Attempt failed, RunState state, boolean cancelled) {
        if (cancelled) {
            return RunStatus.INTERRUPTED;
        }
        return switch (failed.failure()) {
            case PRECONDITION -> state.changedAnything() ? RunStatus.FAILED : RunStatus.PRECONDITION;
            case REFUSED -> RunStatus.REFUSED;
            case INTERRUPTED -> RunStatus.INTERRUPTED;
            default -> RunStatus.FAILED;
        };
    }

    private static FailurePolicy policyOf(Runbook rb, String stepId) {
        return rb.step(stepId).map(Step::onFailure).filter(p -> p != null).orElse(FailurePolicy.UNDO);
    }

    /** The first confirmation in the whole tree, called runbooks included, that nobody could answer. */
    private String unanswerableGate(Program program, RunState state) {
        // what the params decide already: a step that `when` rules out asks nothing (a low-severity incident
        // never reaches the rollback's confirmation)
        Env known = Planner.planningEnv(state.params, state.env(null));
        for (String path :
                program.gates(new dev.runbook.spi.StepKinds(registry), s -> Planner.skipped(s, known) == null)) {
            if (!approver.canAsk(path)) {
                return "step " + path + " asks for confirmation and nobody can answer: run it on a terminal, "
                        + "or pass --yes or --approve " + path + " (nothing was changed)";
            }
        }
        return null;
    }

    private String unmetRequire(Runbook rb, Env env) {
        for (Guard g : rb.requires()) {
            try {
                if (!Evaluator.test(g.condition(), env)) {
                    return "precondition not met: " + Guards.describe(g, env) + " (nothing was changed)";
                }
            } catch (EvalException e) {
                return "precondition cannot be evaluated: " + redactor.redact(e.getMessage());
            }
        }
        return null;
    }

    /** Runs the main graph; returns the attempt that stops the run, or null. */
    private Attempt runMain(Graph graph, RunState state, StepRunner runner, RunOptions options, AtomicBoolean cancel) {
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), daemon("runbook-step"));
        Scheduler scheduler = new Scheduler(
                graph,
                state,
                runner,
                pool,
                cancel,
                state.restored(),
                s -> registry.find(s.type())
                        .map(t -> t.traits().contains(dev.runbook.spi.Trait.BACKGROUND))
                        .orElse(false));
        try {
            return scheduler.run();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Takes the main steps an earlier attempt finished as done; undo gets their arguments rebuilt if it can. */
    private void restore(Graph graph, RunState state, Resume resume, boolean announce) {
        for (StepOutcome o : resume.done().values()) {
            if (!graph.nodes().contains(o.id())) {
                continue;
            }
            Step step = state.runbookStep(o.id());
            StepType type = registry.find(step.type()).orElse(null);
            Args args = null;
            if (type != null) {
                try {
                    args = ArgBinder.bind(type, step.invocation(), state.env(o.id()));
                } catch (EvalException e) {
                    args = null;
                }
            }
            state.restore(step, new Attempt(o, Attempt.Failure.NONE, type, args));
            if (!announce) {
                continue;
            }
            listener.on(new Event(
                    "notice",
                    o.id(),
                    state.options.clock().instant(),
                    Map.of("message", o.status().label() + " in an earlier attempt of this run; not repeated")));
        }
    }

    /** Runs a chain of steps one after another, each even if an earlier one failed. False if any failed. */
    private boolean runChain(List<Step> steps, RunState state, StepRunner runner) {
        boolean ok = true;
        for (Step s : steps) {
            Attempt a = runner.run(s, state.env(s.id()));
            state.record(s, a);
            ok &= a.ok();
        }
        return ok;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object normalized) {
        return (Map<String, Object>) normalized;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Everything a run knows: params, outputs so far, outcomes in order, steps that changed something. */
    static final class RunState {
        private final Runbook runbook;
        private final BoundParams params;
        private final RunOptions options;
        private final Map<String, Map<String, Object>> outputs = new ConcurrentHashMap<>();
        private final Map<String, StepOutcome> outcomes = new ConcurrentHashMap<>();
        private final List<Attempt> completed = new ArrayList<>();
        private final Map<String, Step> byId = new java.util.HashMap<>();
        private final Set<String> restored = new HashSet<>();
        private final Map<String, Map<String, Object>> inherited;

        RunState(Runbook runbook, BoundParams params, RunOptions options, Map<String, Map<String, Object>> inherited) {
            this.inherited = inherited;
            this.runbook = runbook;
            this.params = params;
            this.options = options;
            runbook.allSteps().forEach(s -> byId.putIfAbsent(s.id(), s));
        }

        Env env(String stepId) {
            Map<String, Object> vars = new LinkedHashMap<>(params.values());
            if (inherited.isEmpty()) {
                vars.put("steps", Map.copyOf(outputs));
            } else {
                Map<String, Object> all = new LinkedHashMap<>(inherited);
                all.putAll(outputs);
                vars.put("steps", all);
            }
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("id", options.runId());
            run.put("runbook", runbook.name());
            vars.put("run", run);
            return new Env(vars, options.clock(), options.workDir(), options.environment(), false);
        }

        Step runbookStep(String id) {
            return byId.get(id);
        }

        synchronized void record(Step step, Attempt a) {
            outcomes.put(step.id(), a.outcome());
            if (a.outcome().status() == StepStatus.OK) {
                outputs.put(
                        step.id(),
                        castMap(dev.runbook.expr.Boundary.normalize(a.outcome().outputs())));
            }
            if (a.compensated()) {
                completed.add(a); // in order of completion: undo walks this list backwards
            }
        }

        synchronized void restore(Step step, Attempt a) {
            record(step, a);
            restored.add(step.id());
        }

        synchronized Set<String> restored() {
            return Set.copyOf(restored);
        }

        synchronized List<Attempt> completed() {
            return List.copyOf(completed);
        }

        synchronized void replace(String id, StepOutcome outcome) {
            outcomes.put(id, outcome);
        }

        synchronized boolean changedAnything() {
            return completed.stream()
                    .anyMatch(a -> a.type() == null || a.type().effect() != dev.runbook.spi.Effect.READ);
        }

        RunResult result(String runId, RunStatus status, String message) {
            List<StepOutcome> ordered = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Step s : runbook.allSteps()) {
                if (seen.add(s.id())) {
                    ordered.add(outcomes.getOrDefault(
                            s.id(), new StepOutcome(s.id(), StepStatus.NOT_RUN, Map.of(), null, 0, Duration.ZERO)));
                }
            }
            return new RunResult(runId, status, message, ordered);
        }
    }
}
