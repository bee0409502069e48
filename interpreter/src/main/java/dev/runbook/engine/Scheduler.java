package dev.runbook.engine;

import dev.runbook.model.FailurePolicy;
import dev.runbook.model.Step;
import dev.runbook.plan.Graph;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts each main step as soon as everything it needs has finished, up to the pool's size at once. After a
 * failure that stops the run, nothing new starts and the running steps finish. On cancel, running steps are
 * interrupted (which kills their processes) and nothing new starts. A background step (periodic status updates)
 * runs on a thread of its own beside the others: it counts as finished for the steps after it at once, and is
 * interrupted, which ends it normally, when the main steps are over.
 */
final class Scheduler {
    private final Graph graph;
    private final Interpreter.RunState state;
    private final StepRunner runner;
    private final ExecutorService pool;
    private final AtomicBoolean cancel;
    private final Map<String, Step> steps = new HashMap<>();
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private final BlockingQueue<Attempt> done = new LinkedBlockingQueue<>();
    private final Set<String> alreadyDone;
    private final java.util.function.Predicate<Step> background;
    private final Map<String, Thread> beside = new ConcurrentHashMap<>();

    /** @param alreadyDone steps an earlier attempt of this run finished: they count as finished, never start */
    Scheduler(
            Graph graph,
            Interpreter.RunState state,
            StepRunner runner,
            ExecutorService pool,
            AtomicBoolean cancel,
            Set<String> alreadyDone,
            java.util.function.Predicate<Step> background) {
        this.alreadyDone = Set.copyOf(alreadyDone);
        this.background = background;
        this.graph = graph;
        this.state = state;
        this.runner = runner;
        this.pool = pool;
        this.cancel = cancel;
    }

    Attempt run() {
        graph.nodes().forEach(id -> steps.put(id, state.runbookStep(id)));
        Set<String> launched = new HashSet<>(alreadyDone);
        Set<String> finished = new HashSet<>(alreadyDone);
        Attempt stopping = null;
        int inFlight = 0;
        boolean interrupted = false;
        while (true) {
            if (stopping == null && !cancel.get()) {
                inFlight += launchReady(launched, finished);
            }
            if (inFlight == 0) {
                stopBackground();
                break;
            }
            Attempt a;
            try {
                a = done.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                cancel.set(true);
                a = null;
            }
            if (cancel.get() && !interrupted) {
                interrupted = true;
                running.values().forEach(Thread::interrupt);
            }
            if (a == null) {
                continue;
            }
            inFlight--;
            finished.add(a.outcome().id());
            if (!a.ok() && stopping == null && policy(a) != FailurePolicy.CONTINUE) {
                stopping = a;
            }
        }
        return stopping;
    }

    private FailurePolicy policy(Attempt a) {
        FailurePolicy p = steps.get(a.outcome().id()).onFailure();
        return p == null ? FailurePolicy.UNDO : p;
    }

    /** Interrupts the background steps (they end normally on it) and waits until they have recorded themselves. */
    private void stopBackground() {
        beside.values().forEach(Thread::interrupt);
        for (Thread t : beside.values()) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true; // a Ctrl-C now: the background step is ending anyway
                }
            }
            if (interrupted) {
                cancel.set(true);
            }
        }
        beside.clear();
    }

    private void startBackground(String id, Step step) {
        Thread t = new Thread(
                () -> {
                    Attempt a = runner.run(step, state.env(id));
                    Thread.interrupted();
                    state.record(step, a);
                },
                "runbook-background-" + id);
        t.setDaemon(true);
        beside.put(id, t);
        t.start();
    }

    private int launchReady(Set<String> launched, Set<String> finished) {
        int started = 0;
        boolean again = true;
        while (again) {
            again = false;
            for (String id : graph.nodes()) {
                if (launched.contains(id) || !finished.containsAll(graph.needs(id))) {
                    continue;
                }
                launched.add(id);
                Step step = steps.get(id);
                if (background.test(step)) {
                    startBackground(id, step);
                    finished.add(id); // the steps after it do not wait for it
                    again = true;
                    continue;
                }
                started += launch(id, step);
            }
        }
        return started;
    }

    private int launch(String id, Step step) {
        pool.execute(() -> {
            running.put(id, Thread.currentThread());
            Attempt a;
            try {
                a = runner.run(step, state.env(id));
            } finally {
                running.remove(id);
                Thread.interrupted();
            }
            state.record(step, a);
            done.add(a);
        });
        return 1;
    }
}
