package dev.runbook.cli;

import dev.runbook.engine.ConsoleListener;
import dev.runbook.engine.Injection;
import dev.runbook.engine.Interpreter;
import dev.runbook.engine.JournalReader;
import dev.runbook.engine.JsonLinesListener;
import dev.runbook.engine.LiveConsole;
import dev.runbook.engine.LocalTarget;
import dev.runbook.engine.LockHolder;
import dev.runbook.engine.RedactingListener;
import dev.runbook.engine.Resume;
import dev.runbook.engine.RunJournal;
import dev.runbook.engine.RunListener;
import dev.runbook.engine.RunLock;
import dev.runbook.engine.RunOptions;
import dev.runbook.engine.RunResult;
import dev.runbook.engine.RunStatus;
import dev.runbook.engine.StateLock;
import dev.runbook.engine.StateStore;
import dev.runbook.plan.BoundParams;
import dev.runbook.plan.Plan;
import dev.runbook.plan.PlanJson;
import dev.runbook.spi.StepKinds;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run or resume of a run, made durable: takes the lock, opens the journal (saving the plan beside it the
 * first time), runs with Ctrl-C and SIGTERM trapped, and always closes the journal and releases the lock.
 */
final class RunSession {
    private final Services services;
    private final RunFlags flags;
    private final StateStore state;
    private final Clock clock;
    private final Injection inject;

    RunSession(Services services, RunFlags flags, StateStore state, Clock clock) {
        this(services, flags, state, clock, Injection.NONE);
    }

    /** A run with a failure injected on purpose ({@code runbook drill}). */
    RunSession(Services services, RunFlags flags, StateStore state, Clock clock, Injection inject) {
        this.services = services;
        this.flags = flags;
        this.state = state;
        this.clock = clock;
        this.inject = inject;
    }

    int run(Prepared prepared, BoundParams bound, Plan plan, List<String> given, String runId, Resume resume) {
        Set<String> approved;
        try {
            approved = ConsoleApprover.resolve(
                    flags.approve, prepared.loaded().program().gates(new StepKinds(services.registry())));
        } catch (IllegalArgumentException e) {
            services.err().println("runbook: " + e.getMessage() + "; nothing was run");
            return ExitCodes.USAGE;
        }
        LockHolder me = new LockHolder(
                plan.lock(), user(), ProcessHandle.current().pid(), JournalReader.hostName(), runId, clock.instant());
        StateLock lock;
        try {
            lock = state.lock(me, flags.lockWait(), clock);
        } catch (RunLock.Held e) {
            services.err()
                    .println("runbook: lock \"" + plan.lock() + "\" is held by "
                            + e.holder().describe()
                            + "; nothing was run. Wait for it (--wait-lock 5m) or ask its owner.");
            return ExitCodes.REFUSED;
        } catch (IOException e) {
            services.err().println("runbook: cannot take the lock in " + state.where() + ": " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (InterruptedException e) {
            return ExitCodes.INTERRUPTED;
        }
        try (lock;
                RunJournal journal = openJournal(plan, given, runId, resume, lock)) {
            if (lock.takenOverFrom() != null) {
                services.err()
                        .println("runbook: took over the lock of a run that died: "
                                + lock.takenOverFrom().describe());
                journal.note(
                        "lock-takeover", Map.of("from", lock.takenOverFrom().toMap()));
            }
            RunResult result = execute(prepared, bound, runId, resume, journal, approved, lock);
            if (result.status() == RunStatus.LOCK_LOST) {
                services.err()
                        .println("runbook: run " + runId + " lost its lock: " + lock.lostBecause()
                                + ". It stopped at a safe point and undid nothing (another run may hold the lock"
                                + " now); what it recorded is kept in " + state.where()
                                + ". When the store is back: runbook resume " + runId + state.flag());
                return ExitCodes.LOCK_LOST;
            }
            if (journal.failure() != null) {
                services.err()
                        .println("runbook: warning: the journal could not be written: " + journal.failure()
                                + " (resume may not know everything)");
            }
            if (result.status() != RunStatus.OK
                    && result.status() != RunStatus.PRECONDITION
                    && result.status() != RunStatus.REFUSED) {
                services.err()
                        .println("runbook: run " + runId + " ended "
                                + result.status().name().toLowerCase(java.util.Locale.ROOT)
                                + "; to continue it (after fixing the cause): runbook resume "
                                + runId + state.flag());
            }
            return ExitCodes.of(result.status());
        } catch (IOException e) {
            services.err()
                    .println("runbook: cannot write the journal of " + runId + " in " + state.where() + ": "
                            + e.getMessage() + "; nothing was run");
            return ExitCodes.INVALID;
        }
    }

    private RunResult execute(
            Prepared prepared,
            BoundParams bound,
            String runId,
            Resume resume,
            RunJournal journal,
            Set<String> approved,
            StateLock lock) {
        AtomicBoolean cancel = new AtomicBoolean();
        lock.onLost(() -> {
            cancel.set(true);
            services.err()
                    .println("\nrunbook: lost the lock: " + lock.lostBecause()
                            + "; stopping at the next safe point, undoing nothing");
        });
        RunOptions options =
                new RunOptions(flags.parallel, prepared.loaded().dir(), System.getenv(), clock, runId, inject);
        RunListener lines = flags.json
                ? new JsonLinesListener(services.out())
                : new ConsoleListener(services.out(), color(), flags.verbose, flags.quiet);
        LiveConsole live =
                !flags.json && System.console() != null ? new LiveConsole(services.out(), lines, columns()) : null;
        RunListener display = new RedactingListener(prepared.redactor(), live != null ? live : lines);
        RunListener listener = RunListener.of(display, new RedactingListener(prepared.redactor(), journal));
        ConsoleApprover approver = new ConsoleApprover(flags.yes, approved, System.console(), services.out());
        if (live != null) {
            approver.useLive(live);
        }
        LocalTarget target = new LocalTarget();
        HostConnections hosts = new HostConnections(target);
        NestedCalls calls = new NestedCalls(services, target, approver, listener, prepared.redactor(), options, cancel)
                .withRollout(new Rollout(
                        services,
                        prepared.inventory(),
                        hosts,
                        approver,
                        listener,
                        prepared.redactor(),
                        options,
                        cancel,
                        resume));
        Interpreter interpreter =
                new Interpreter(services.registry(), target, approver, listener, calls, prepared.redactor());
        try (SignalTrap trap = new SignalTrap(cancel, services.err())) {
            return interpreter.run(prepared.loaded().program(), bound, options, cancel, resume, lock::held);
        } finally {
            hosts.close();
            target.close();
            if (live != null) {
                live.close();
            }
        }
    }

    /** The terminal's width for the live line ($COLUMNS, else 100). */
    private static int columns() {
        try {
            return Integer.parseInt(
                    System.getenv().getOrDefault("COLUMNS", "100").strip());
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private RunJournal openJournal(Plan plan, List<String> given, String runId, Resume resume, StateLock lock)
            throws IOException {
        state.savePlan(runId, PlanJson.render(plan));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("plan_hash", plan.hash());
        header.put(
                "path",
                plan.sourcePath() == null
                        ? null
                        : java.nio.file.Path.of(plan.sourcePath())
                                .toAbsolutePath()
                                .normalize()
                                .toString());
        header.put("params", plan.params());
        header.put("given", given);
        header.put("user", user());
        header.put("host", JournalReader.hostName());
        header.put("pid", ProcessHandle.current().pid());
        if (inject.stepId() != null) {
            header.put("drill_injected_step", inject.stepId());
            header.put("drill_injected_at", inject.partWay() ? "part-way" : "after its work");
        }
        if (!resume.done().isEmpty()) {
            header.put("resumed_steps", List.copyOf(resume.done().keySet()));
        }
        return state.journal(runId, header, clock, lock);
    }

    private boolean color() {
        return !flags.noColor && System.getenv("NO_COLOR") == null && System.console() != null;
    }

    static String user() {
        String u = System.getProperty("user.name");
        return u == null || u.isBlank() ? "unknown" : u;
    }
}
