package dev.runbook.cli;

import dev.runbook.engine.Approver;
import dev.runbook.engine.CallRunner;
import dev.runbook.engine.Event;
import dev.runbook.engine.Interpreter;
import dev.runbook.engine.Resume;
import dev.runbook.engine.RunListener;
import dev.runbook.engine.RunOptions;
import dev.runbook.engine.RunResult;
import dev.runbook.engine.RunStatus;
import dev.runbook.engine.StepOutcome;
import dev.runbook.engine.StepStatus;
import dev.runbook.expr.Env;
import dev.runbook.inventory.Host;
import dev.runbook.inventory.Inventory;
import dev.runbook.model.HostBlock;
import dev.runbook.plan.BoundParams;
import dev.runbook.plan.HostParams;
import dev.runbook.plan.Program;
import dev.runbook.plan.Redactor;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an {@code on} block: its program once per host of its target, batch after batch. Each host's run is a run
 * of its own (its steps, then the block's verifies as its health gate; a host that fails undoes itself), addressed
 * in events and the journal as {@code block/host/step}. When more hosts failed than the block allows, the rollout
 * stops after that batch: the batch's other hosts are undone, later batches are never started, earlier batches
 * keep their state unless the block says {@code undo_all}. A resumed run does not repeat a host that ended ok, and
 * continues a host that was cut off where it stopped.
 */
final class Rollout {
    private final Services services;
    private final Inventory inventory;
    private final HostTargets targets;
    private final Approver approver;
    private final RunListener listener;
    private final Redactor redactor;
    private final RunOptions options;
    private final AtomicBoolean cancel;
    private final Resume resume;
    /** Each finished block's hosts that ended ok, kept to undo them when a later step of the run fails. */
    private final Map<String, List<HostRun>> finished = new java.util.concurrent.ConcurrentHashMap<>();

    Rollout(
            Services services,
            Inventory inventory,
            HostTargets targets,
            Approver approver,
            RunListener listener,
            Redactor redactor,
            RunOptions options,
            AtomicBoolean cancel,
            Resume resume) {
        this.services = services;
        this.inventory = inventory;
        this.targets = targets;
        this.approver = approver;
        this.listener = listener;
        this.redactor = redactor;
        this.options = options;
        this.cancel = cancel;
        this.resume = resume;
    }

    StepResult run(Program block, Env outer, StepContext context) throws InterruptedException {
        HostBlock h = block.block();
        String id = context.stepId();
        List<Host> hosts = inventory.select(h.target());
        if (hosts.isEmpty()) {
            return StepResult.refused("no host of the inventory is in `" + h.target() + "`");
        }
        List<List<Host>> batches = h.inBatches(hosts);
        int allowed = h.maxFailures() == null ? 0 : h.maxFailures().allowed(hosts.size());
        List<HostRun> kept = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int at = 0;
        for (int b = 0; b < batches.size(); b++) {
            List<Host> batch = batches.get(b);
            at += batch.size();
            notice(
                    id,
                    "batch " + (b + 1) + " of " + batches.size() + ": "
                            + String.join(", ", batch.stream().map(Host::name).toList()));
            List<HostRun> runs = runBatch(block, outer, id, batch);
            List<HostRun> ok = new ArrayList<>();
            List<HostRun> bad = new ArrayList<>();
            for (HostRun r : runs) {
                (r.ok() ? ok : bad).add(r);
            }
            bad.forEach(r -> failed.add(r.host().name()));
            boolean interrupted = context.cancelled() || Thread.currentThread().isInterrupted();
            if (failed.size() > allowed || interrupted) {
                List<String> untouched =
                        hosts.subList(at, hosts.size()).stream().map(Host::name).toList();
                boolean undone = undo(id, ok) & (!h.undoAll() || undo(id, kept));
                boolean undoFailed = bad.stream().anyMatch(r -> r.result().status() == RunStatus.UNDO_FAILED);
                String why = interrupted
                        ? "interrupted"
                        : (failed.size() == 1 ? "host " : "hosts ") + String.join(", ", failed) + " failed ("
                                + bad.get(0).host().name() + ": "
                                + bad.get(0).result().message() + ")"
                                + (allowed == 0 ? "" : ", more than the " + allowed + " allowed");
                Map<String, Object> outputs = outputs(kept, failed, b + 1);
                outputs.put("untouched", untouched);
                String message = why + "; rollout stopped after batch " + (b + 1) + " of " + batches.size()
                        + (ok.isEmpty() ? "" : "; undone: " + names(ok))
                        + (h.undoAll() && !kept.isEmpty()
                                ? "; earlier batches undone: " + names(kept)
                                : kept.isEmpty() ? "" : "; earlier batches kept: " + names(kept))
                        + (untouched.isEmpty() ? "" : "; never started: " + String.join(", ", untouched));
                Map<String, String> states = new LinkedHashMap<>();
                hosts.forEach(x -> states.put(x.name(), "not started"));
                kept.forEach(x -> states.put(x.host().name(), h.undoAll() ? "undone" : "ok, kept"));
                ok.forEach(x -> states.put(x.host().name(), "undone"));
                bad.forEach(x -> states.put(x.host().name(), failedState(x)));
                summary(id, states);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return new StepResult(StepResult.Status.FAILED, outputs, message, undone && !undoFailed);
            }
            kept.addAll(ok);
        }
        finished.put(id, kept);
        Map<String, String> states = new LinkedHashMap<>();
        hosts.forEach(x -> states.put(x.name(), failed.contains(x.name()) ? "failed, undone" : "ok"));
        summary(id, states);
        return StepResult.ok(outputs(kept, failed, batches.size()));
    }

    /** Undoes a finished block's hosts, last batch first (a later step of the run failed). */
    boolean undoFinished(String blockId) {
        List<HostRun> runs = finished.remove(blockId);
        if (runs == null) {
            notice(
                    blockId,
                    "block " + blockId + " finished in an earlier attempt of this run: its hosts keep what it did;"
                            + " check them (runbook show lists each host's steps)");
            return true;
        }
        return undo(blockId, runs);
    }

    private static Map<String, Object> outputs(List<HostRun> kept, List<String> failed, int batches) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hosts", kept.stream().map(r -> r.host().name()).toList());
        out.put("failed", List.copyOf(failed));
        out.put("batches", (long) batches);
        return out;
    }

    private static String names(List<HostRun> runs) {
        return String.join(", ", runs.stream().map(r -> r.host().name()).toList());
    }

    /** Runs one batch, its hosts at once, and waits for all of them (each undoes itself when it fails). */
    private List<HostRun> runBatch(Program block, Env outer, String id, List<Host> batch) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(batch.size(), r -> {
            Thread t = new Thread(r, "runbook-host");
            t.setDaemon(true);
            return t;
        });
        List<AtomicBoolean> stops = new ArrayList<>();
        List<Future<HostRun>> futures = new ArrayList<>();
        try {
            for (Host host : batch) {
                AtomicBoolean stop = new AtomicBoolean(cancel.get());
                stops.add(stop);
                futures.add(pool.submit(() -> runOn(block, outer, id, host, stop)));
            }
            List<HostRun> out = new ArrayList<>();
            boolean interrupted = false;
            for (Future<HostRun> f : futures) {
                while (true) {
                    try {
                        out.add(f.get());
                        break;
                    } catch (InterruptedException e) {
                        // stop every host, then wait for them: each undoes what it did before it returns
                        interrupted = true;
                        stops.forEach(s -> s.set(true));
                        pool.shutdownNow();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private HostRun runOn(Program block, Env outer, String id, Host host, AtomicBoolean stop) {
        String path = id + "/" + host.name();
        // a remote host has no runbook folder: its relative paths (the checker refuses literal ones) start at /
        RunOptions child = new RunOptions(
                1,
                host.local() ? options.workDir() : java.nio.file.Path.of("/"),
                options.environment(),
                options.clock(),
                options.runId() + "/" + path,
                options.inject());
        BoundParams bound = HostParams.bind(block.runbook(), outer, host);
        Interpreter interpreter = interpreter(id, path, host).inheriting(stepsOf(outer));
        StepOutcome before = resume.done().get(path);
        if (before != null) {
            listener.on(new Event(
                    "notice",
                    path,
                    options.clock().instant(),
                    Map.of("message", "ok in an earlier attempt of this run; not repeated", "host", host.name())));
            return new HostRun(
                    host,
                    new RunResult(child.runId(), RunStatus.OK, "done earlier", doneOf(path)),
                    block,
                    interpreter,
                    bound,
                    child);
        }
        Map<String, StepOutcome> earlier = new LinkedHashMap<>();
        doneOf(path).forEach(o -> earlier.put(o.id(), o));
        RunResult result = interpreter.run(block, bound, child, stop, new Resume(earlier));
        return new HostRun(host, result, block, interpreter, bound, child);
    }

    /** What an earlier attempt finished on one host: its outcomes without the {@code block/host/} prefix. */
    private List<StepOutcome> doneOf(String path) {
        String prefix = path + "/";
        List<StepOutcome> out = new ArrayList<>();
        resume.done().forEach((k, o) -> {
            if (k.startsWith(prefix)) {
                String inner = k.substring(prefix.length());
                out.add(new StepOutcome(inner, o.status(), o.outputs(), o.message(), o.attempts(), o.duration()));
            }
        });
        return out;
    }

    private Interpreter interpreter(String id, String path, Host host) {
        RunListener nested = e -> {
            String kind = switch (e.kind()) {
                case "run-start" -> "host-start";
                case "run-end" -> "host-end";
                default -> e.kind();
            };
            Map<String, Object> data = new LinkedHashMap<>(e.data());
            data.put("host", host.name());
            listener.on(new Event(kind, e.step() == null ? path : path + "/" + e.step(), e.time(), data));
        };
        // one answer serves every host: --approve deploy/restart approves that step of block deploy everywhere
        Approver asks = new Approver() {
            @Override
            public boolean canAsk(String stepId) {
                return approver.canAsk(id + "/" + stepId);
            }

            @Override
            public boolean approve(String stepId, String question) throws InterruptedException {
                return approver.approve(id + "/" + stepId, "[" + host.name() + "] " + question);
            }
        };
        CallRunner noCalls = new CallRunner() {
            @Override
            public StepResult call(
                    Program callee,
                    dev.runbook.model.Invocation invocation,
                    Map<String, Object> params,
                    StepContext context) {
                return StepResult.refused("a runbook cannot be called on a host");
            }
        };
        return new Interpreter(services.registry(), targets.of(host), asks, nested, noCalls, redactor);
    }

    private boolean undo(String id, List<HostRun> runs) {
        boolean ok = true;
        for (int i = runs.size() - 1; i >= 0; i--) {
            HostRun r = runs.get(i);
            notice(id + "/" + r.host().name(), "undoing host " + r.host().name());
            List<StepOutcome> done = r.result().outcomes().stream()
                    .filter(o -> o.status() == StepStatus.OK)
                    .toList();
            Map<String, StepOutcome> byId = new LinkedHashMap<>();
            done.forEach(o -> byId.put(o.id(), o));
            ok &= r.interpreter().undo(r.program(), r.params(), r.options(), new Resume(byId));
        }
        return ok;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> stepsOf(Env outer) {
        Object steps = outer.vars().get("steps");
        return steps instanceof Map<?, ?> m ? (Map<String, Map<String, Object>>) m : Map.of();
    }

    private static String failedState(HostRun r) {
        return r.result().status() == RunStatus.UNDO_FAILED ? "failed, UNDO FAILED" : "failed, undone";
    }

    /** One line: each host and where it ended, in inventory order. */
    private void summary(String id, Map<String, String> states) {
        List<String> parts = new ArrayList<>();
        states.forEach((host, state) -> parts.add(host + " " + state));
        notice(id, "hosts: " + String.join(" · ", parts));
    }

    private void notice(String step, String message) {
        listener.on(new Event("notice", step, options.clock().instant(), Map.of("message", message)));
    }

    /** One host's run of the block. */
    private record HostRun(
            Host host,
            RunResult result,
            Program program,
            Interpreter interpreter,
            BoundParams params,
            RunOptions options) {
        boolean ok() {
            return result.status() == RunStatus.OK;
        }
    }
}
