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
 * interrupted (which kills their processes) and nothing new starts.
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

    /** @param alreadyDone steps an earlier attempt of this run finished: they count as finished, never start */
    Scheduler(
            Graph graph,
            Interpreter.RunState state,
            StepRunner runner,
            ExecutorService pool,
            AtomicBoolean cancel,
            Set<String> alreadyDone) {
        this.alreadyDone = Set.copyOf(alreadyDone);
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

    private int launchReady(Set<String> launched, Set<String> finished) {
        int started = 0;
        for (String id : graph.nodes()) {
            if (launched.contains(id) || !finished.containsAll(graph.needs(id))) {
                continue;
            }
            launched.add(id);
            Step step = steps.get(id);
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
            started++;
        }
        return started;
    }
}
