package dev.runbook.plan;

import dev.runbook.expr.Env;
import dev.runbook.expr.EvalException;
import dev.runbook.expr.Evaluator;
import dev.runbook.model.Guard;
import dev.runbook.model.Invocation;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.model.Unknown;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.spi.Args;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a checked runbook and its params into an immutable {@link Plan}. Never runs a step. */
public final class Planner {
    private final Redactor redactor;
    private final StepRegistry registry;
    private dev.runbook.inventory.Inventory inventory = dev.runbook.inventory.Inventory.localOnly();

    public Planner(Redactor redactor, StepRegistry registry) {
        this.redactor = redactor;
        this.registry = registry;
    }

    /** Plans {@code on} blocks over these hosts (without: this machine alone). */
    public Planner withHosts(dev.runbook.inventory.Inventory hosts) {
        this.inventory = hosts == null ? dev.runbook.inventory.Inventory.localOnly() : hosts;
        return this;
    }

    /** The environment expressions see while planning: params known, step outputs and the run unknown. */
    public static Env planningEnv(BoundParams params, Env base) {
        Map<String, Object> vars = new LinkedHashMap<>(params.values());
        vars.put("steps", new Unknown("steps"));
        vars.put("run", new Unknown("run"));
        return new Env(vars, base.clock(), base.workDir(), base.environment(), true);
    }

    /** The plan of a program: its steps, each called runbook's steps inline as {@code call_id/step_id}. */
    public Plan plan(Program checked, BoundParams params, Env base) {
        Runbook rb = checked.runbook();
        Env env = planningEnv(params, base);
        Map<String, Integer> waveOf = new HashMap<>();
        Graph graph = checked.graph();
        List<List<String>> waves = graph.waves();
        for (int i = 0; i < waves.size(); i++) {
            for (String id : waves.get(i)) {
                waveOf.put(id, i);
            }
        }
        List<PlanStep> steps = new ArrayList<>();
        for (Step s : rb.steps()) {
            steps.add(step(checked, s, graph.needs(s.id()), waveOf.getOrDefault(s.id(), 0), env));
        }
        List<PlanStep> finallySteps = chain(checked, rb.finallySteps(), env);
        List<PlanStep> onFailure = chain(checked, rb.onFailureSteps(), env);
        Map<String, Object> shownParams = new LinkedHashMap<>();
        params.values()
                .forEach((k, v) -> shownParams.put(k, params.secretNames().contains(k) ? Redactor.MASK : shown(v)));
        List<String> requires = new ArrayList<>();
        rb.requires().forEach(g -> requires.add(guard(g, env)));
        List<Map<String, Object>> verifies = new ArrayList<>();
        rb.verifies().forEach(v -> verifies.add(verify(checked, v, env)));
        String lock = rb.lock() == null ? rb.name() : redactor.redact(text(rb.lock(), env));
        lock += hostSet(checked);
        Plan plan = new Plan(
                rb.name(),
                rb.description(),
                rb.source().path(),
                rb.source().sha256(),
                shownParams,
                lock,
                requires,
                steps,
                waves,
                finallySteps,
                onFailure,
                verifies,
                null,
                params.unknown(),
                checked.sources());
        return plan.withHash(PlanJson.hash(plan));
    }

    private List<PlanStep> chain(Program checked, List<Step> steps, Env env) {
        List<PlanStep> out = new ArrayList<>();
        String previous = null;
        for (Step s : steps) {
            out.add(step(checked, s, previous == null ? List.of() : List.of(previous), 0, env));
            previous = s.id();
        }
        return out;
    }

    private PlanStep step(Program checked, Step s, List<String> needs, int wave, Env env) {
        Invocation inv = s.invocation();
        StepType type = type(inv.type()).orElse(null);
        Map<String, Object> args = new LinkedHashMap<>();
        String describe;
        String effect;
        String call = null;
        String undo = null;
        List<PlanStep> inner = List.of();
        Program block = checked.call(s.id());
        if (block != null && block.onHosts()) {
            HostPlan hosts = HostPlan.of(block.block(), inventory);
            args.putAll(hosts.args());
            describe = hosts.describe();
            effect = "write";
            call = "on " + block.block().target();
            if (skipped(s, env) == null) {
                inner = onHosts(block, hosts, env, s.id() + "/");
            }
        } else if (inv.isCall() || type == null) {
            Map<String, Object> values = new LinkedHashMap<>();
            inv.args().forEach(a -> values.put(a.name(), value(a.value(), env)));
            values.forEach((k, v) -> args.put(k, shown(v)));
            describe = "run runbook " + inv.target() + (values.isEmpty() ? "" : " with " + Values.show(args));
            effect = "write";
            call = inv.target();
            Program callee = checked.call(s.id());
            if (callee != null && skipped(s, env) == null) {
                inner = inline(callee, values, env, s.id() + "/");
            }
        } else {
            Args bound = ArgBinder.bindForPlan(type, inv, env);
            bound.asMap().forEach((k, v) -> args.put(k, shown(v)));
            describe = type.describe(bound);
            effect = type.effect().label();
            undo = undo(checked, s, type, bound, env);
        }
        List<String> requires = new ArrayList<>();
        s.requires().forEach(g -> requires.add(guard(g, env)));
        List<String> verifies = new ArrayList<>();
        s.verifies().forEach(v -> verifies.add(polling(v)));
        if (block != null && block.onHosts()) {
            block.block().verifies().forEach(v -> verifies.add("each host: " + v.name()));
        }
        return new PlanStep(
                s.id(),
                inv.type(),
                effect,
                needs,
                wave,
                redactor.redact(describe),
                castMap(redactor.redactValue(args)),
                print(s.when()),
                print(s.unless()),
                requires,
                verifies,
                retry(s),
                print(s.timeout()),
                s.confirm() == null ? null : redactor.redact(text(s.confirm().message(), env)),
                undo,
                s.onFailure() == null ? null : s.onFailure().keyword(),
                call,
                null,
                inner,
                skipped(s, env));
    }

    /**
     * Why the step will not run, when known values decide its {@code when} or {@code unless} (the same words as
     * the run uses); null when it will run or that depends on what is only known at run.
     */
    public static String skipped(Step s, Env env) {
        if (s.when() != null && Boolean.FALSE.equals(Evaluator.decided(s.when(), env))) {
            return "when " + ExprPrinter.print(s.when()) + " is false";
        }
        if (s.unless() != null && Boolean.TRUE.equals(Evaluator.decided(s.unless(), env))) {
            return "already done: " + ExprPrinter.print(s.unless());
        }
        return null;
    }

    /** The steps of a called program, planned with the call's arguments as its params, addressed under the call. */
    private List<PlanStep> inline(Program callee, Map<String, Object> given, Env env, String prefix) {
        Map<String, Object> known = new LinkedHashMap<>(given);
        known.values().removeIf(v -> v instanceof Unknown);
        Env base = new Env(Map.of(), env.clock(), callee.dir(), env.environment(), true);
        BoundParams bound = ParamBinder.bind(
                callee.runbook(),
                known,
                planningEnv(new BoundParams(Map.of(), Set.of()), base),
                redactor,
                new dev.runbook.diagnostic.Diagnostics(),
                true);
        Map<String, Object> values = new LinkedHashMap<>(bound.values());
        given.forEach((k, v) -> {
            if (v instanceof Unknown) {
                values.put(k, v);
            }
        });
        BoundParams withUnknown = new BoundParams(values, bound.secretNames(), bound.unknown());
        Plan plan = plan(callee, withUnknown, base);
        List<PlanStep> out = new ArrayList<>();
        plan.steps().forEach(p -> out.add(p.under(prefix)));
        return out;
    }

    /**
     * The hosts a program's blocks run on, for its lock: two runs of one runbook on different hosts do not wait for
     * each other; empty when every block runs on this machine alone.
     */
    private String hostSet(Program checked) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (Program p : checked.calls().values()) {
            if (p.onHosts()) {
                inventory.select(p.block().target()).stream()
                        .filter(h -> !h.local())
                        .forEach(h -> names.add(h.name()));
            }
        }
        return names.isEmpty() ? "" : " on " + String.join(",", names);
    }

    /** The steps of an {@code on} block for each of its hosts, addressed as {@code block/host/step}. */
    private List<PlanStep> onHosts(Program block, HostPlan hosts, Env env, String prefix) {
        List<PlanStep> out = new ArrayList<>();
        for (dev.runbook.inventory.Host host : hosts.hosts()) {
            BoundParams bound = HostParams.bind(block.runbook(), env, host);
            Plan plan = plan(block, bound, env.withVars(Map.of()));
            plan.steps().forEach(p -> out.add(p.under(prefix + host.name() + "/")));
        }
        return out;
    }

    private java.util.Optional<StepType> type(String name) {
        return registry.find(name);
    }

    private String undo(Program checked, Step s, StepType type, Args bound, Env env) {
        if (s.undo() != null) {
            StepType undoType = type(s.undo().type()).orElse(null);
            if (undoType == null) {
                return s.undo().type();
            }
            Env withIt = env.with("it", new Unknown("it"));
            return redactor.redact(undoType.describe(ArgBinder.bindForPlan(undoType, s.undo(), withIt)));
        }
        return type.hasUndo() ? redactor.redact(type.describeUndo(bound)) : null;
    }

    private Map<String, Object> verify(Program checked, Verify v, Env env) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", v.name());
        if (v.probe() != null) {
            StepType type = type(v.probe().type()).orElse(null);
            out.put(
                    "probe",
                    type == null
                            ? v.probe().type()
                            : redactor.redact(type.describe(ArgBinder.bindForPlan(type, v.probe(), env))));
        }
        out.put("expect", polling(v));
        return out;
    }

    private static String polling(Verify v) {
        String text = ExprPrinter.print(v.condition());
        if (v.within() != null) {
            text += " within " + ExprPrinter.print(v.within());
        }
        if (v.every() != null) {
            text += " every " + ExprPrinter.print(v.every());
        }
        return text;
    }

    /** A precondition as a plan shows it: its message with what is known filled in, then the condition. */
    private String guard(Guard g, Env env) {
        return g.message() == null
                ? ExprPrinter.print(g.condition())
                : redactor.redact(text(g.message(), env)) + ": " + ExprPrinter.print(g.condition());
    }

    private static String retry(Step s) {
        if (s.retry() == null) {
            return null;
        }
        String text = ExprPrinter.print(s.retry().attempts()) + " attempts";
        if (s.retry().delay() != null) {
            text += ", delay " + ExprPrinter.print(s.retry().delay());
        }
        if (s.retry().backoff() != null) {
            text += ", backoff " + ExprPrinter.print(s.retry().backoff());
        }
        return text;
    }

    private static String print(Expr e) {
        return e == null ? null : ExprPrinter.print(e);
    }

    private static Object value(Expr e, Env env) {
        try {
            return Evaluator.eval(e, env);
        } catch (EvalException ex) {
            return new Unknown("error: " + ex.getMessage());
        }
    }

    private static String text(Expr e, Env env) {
        return Values.show(value(e, env));
    }

    /** A value as plans, events and journals hold it: unknowns as their text, durations as text. */
    public static Object shownValue(Object v) {
        return shown(v);
    }

    static Object shown(Object v) {
        if (v instanceof Unknown u) {
            return u.toString();
        }
        if (v instanceof java.time.Duration d) {
            return ExprPrinter.duration(d);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), shown(val)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(o -> out.add(shown(o)));
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
