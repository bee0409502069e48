package dev.runbook.engine;

import dev.runbook.model.FailurePolicy;
import dev.runbook.model.Step;
import dev.runbook.plan.Graph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Starts each main step as soon as everything it needs has finished, up to the pool's size at once. After a
 * failure that stops the run, nothing new starts and the running steps finish. On cancel, running steps are
 * interrupted (which kills their processes) and nothing new starts. A background step (periodic status updates)
 * runs on a thread of its own beside the others: it counts as finished for the steps after it at once, and is
 * interrupted, which ends it normally, when the main steps are over.
 *
 * <p>The thread that finishes a step starts the first step that became ready on itself and hands the others to
 * the pool: a chain of steps runs on one thread, with no hand-off through the calling thread between two steps
 * (two thread wake-ups per step, which cost more than the step's own work on a busy machine). Each step counts
 * the steps it still waits for, so finding the ready ones does not rescan the graph.
 */
final class Scheduler {
    private final Graph graph;
    private final Interpreter.RunState state;
    private final StepRunner runner;
    private final ExecutorService pool;
    private final AtomicBoolean cancel;
    private final Set<String> alreadyDone;
    private final Predicate<Step> background;
    private final Map<String, Thread> beside = new ConcurrentHashMap<>();
    private final Map<String, Step> steps = new HashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final Map<String, Integer> waitingFor = new HashMap<>();
    // guarded by this
    private final Map<String, Thread> running = new HashMap<>();
    private Attempt stopping;
    private int inFlight;

    /** @param alreadyDone steps an earlier attempt of this run finished: they count as finished, never start */
    Scheduler(
            Graph graph,
            Interpreter.RunState state,
            StepRunner runner,
            ExecutorService pool,
            AtomicBoolean cancel,
            Set<String> alreadyDone,
            Predicate<Step> background) {
        this.alreadyDone = Set.copyOf(alreadyDone);
        this.background = background;
        this.graph = graph;
        this.state = state;
        this.runner = runner;
        this.pool = pool;
        this.cancel = cancel;
    }

    Attempt run() {
        List<String> nodes = graph.nodes();
        List<String> ready = new ArrayList<>();
        for (String id : nodes) {
            steps.put(id, state.runbookStep(id));
            order.put(id, order.size());
            int waits = 0;
            for (String need : graph.needs(id)) {
                if (!alreadyDone.contains(need)) {
                    dependents.computeIfAbsent(need, k -> new ArrayList<>()).add(id);
                    waits++;
                }
            }
            waitingFor.put(id, waits);
            if (waits == 0 && !alreadyDone.contains(id)) {
                ready.add(id);
            }
        }
        Attempt result;
        synchronized (this) {
            if (!cancel.get()) {
                foreground(ready).forEach(this::launch);
            }
            boolean interrupted = false;
            while (inFlight > 0) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    cancel.set(true);
                }
                if (cancel.get() && !interrupted) {
                    interrupted = true;
                    running.values().forEach(Thread::interrupt);
                }
            }
            result = stopping;
        }
        stopBackground();
        return result;
    }

    /**
     * Starts the background steps among {@code ready} and counts them as finished at once; returns the ready main
     * steps, with those that became ready through a background step (called with the lock held).
     */
    private List<String> foreground(List<String> ready) {
        List<String> main = new ArrayList<>();
        List<String> queue = new ArrayList<>(ready);
        while (!queue.isEmpty()) {
            String id = queue.remove(0);
            Step step = steps.get(id);
            if (!background.test(step)) {
                main.add(id);
                continue;
            }
            startBackground(id, step);
            for (String d : dependents.getOrDefault(id, List.of())) {
                if (waitingFor.merge(d, -1, Integer::sum) == 0) {
                    queue.add(d);
                }
            }
        }
        main.sort(Comparator.comparing(order::get));
        return main;
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

    /** Hands a ready step to the pool (called with the lock held). */
    private void launch(String id) {
        inFlight++;
        pool.execute(() -> {
            synchronized (this) {
                running.put(id, Thread.currentThread());
            }
            runFrom(id);
        });
    }

    /** Runs {@code first}, then, as long as one became ready, the next step on this same thread. */
    private void runFrom(String first) {
        String id = first;
        while (id != null) {
            Step step = steps.get(id);
            Attempt a;
            try {
                a = runner.run(step, state.env(id));
                synchronized (this) {
                    running.remove(id); // a cancel from now on must not interrupt the recording (NIO closes on it)
                }
                Thread.interrupted();
                state.record(step, a);
            } catch (RuntimeException | Error e) {
                // never lose a step: the run would wait for it for ever; it failed, and says why
                System.err.println("runbook: internal error in step " + id + ": " + e);
                a = new Attempt(
                        new StepOutcome(
                                id,
                                StepStatus.FAILED,
                                java.util.Map.of(),
                                "internal error: " + e,
                                1,
                                java.time.Duration.ZERO),
                        Attempt.Failure.FAILED,
                        null,
                        null);
            } finally {
                Thread.interrupted(); // an interrupt meant for this step must not reach the next
            }
            id = finished(a);
        }
        Thread.interrupted();
    }

    /** Counts a step as finished; returns the step this thread runs next, if any (the others go to the pool). */
    private synchronized String finished(Attempt a) {
        String id = a.outcome().id();
        running.remove(id);
        inFlight--;
        if (!a.ok() && stopping == null && policy(a) != FailurePolicy.CONTINUE) {
            stopping = a;
        }
        List<String> ready = new ArrayList<>();
        for (String d : dependents.getOrDefault(id, List.of())) {
            if (waitingFor.merge(d, -1, Integer::sum) == 0) {
                ready.add(d);
            }
        }
        String next = null;
        if (stopping == null && !cancel.get() && !ready.isEmpty()) {
            ready = foreground(ready);
        }
        if (stopping == null && !cancel.get() && !ready.isEmpty()) {
            next = ready.remove(0);
            inFlight++;
            running.put(next, Thread.currentThread());
            ready.forEach(this::launch);
        }
        if (inFlight == 0) {
            notifyAll();
        }
        return next;
    }

    private FailurePolicy policy(Attempt a) {
        FailurePolicy p = steps.get(a.outcome().id()).onFailure();
        return p == null ? FailurePolicy.UNDO : p;
    }
}
