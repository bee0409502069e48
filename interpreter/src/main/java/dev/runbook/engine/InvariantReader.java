package dev.runbook.engine;

import dev.runbook.expr.Boundary;
import dev.runbook.expr.Env;
import dev.runbook.expr.EvalException;
import dev.runbook.expr.Evaluator;
import dev.runbook.model.Invariant;
import dev.runbook.model.NameRef;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.plan.ArgBinder;
import dev.runbook.plan.BoundParams;
import dev.runbook.spi.Args;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads a runbook's invariants (read steps run through a {@link Probe}: never a write) before a run and after its
 * undo, compares the two readings field by field, and checks the runbook's final verifies that only need params
 * and a probe. For {@code runbook drill}.
 */
public final class InvariantReader {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final StepRegistry registry;
    private final Probe probe;
    private final Env env;

    public InvariantReader(StepRegistry registry, Probe probe, BoundParams params, RunOptions options) {
        this.registry = registry;
        this.probe = probe;
        this.env = new Env(
                new LinkedHashMap<>(params.values()), options.clock(), options.workDir(), options.environment(), false);
    }

    /** One reading per invariant, in declared order. */
    public List<InvariantReading> read(List<Invariant> invariants) throws InterruptedException {
        List<InvariantReading> out = new ArrayList<>();
        for (Invariant inv : invariants) {
            out.add(read(inv));
        }
        return out;
    }

    private InvariantReading read(Invariant inv) throws InterruptedException {
        StepType type = registry.find(inv.type()).orElse(null);
        if (type == null) {
            return InvariantReading.failed(inv.id(), "unknown step type " + inv.type());
        }
        Args args;
        try {
            args = ArgBinder.bind(type, inv.probe(), env);
        } catch (EvalException e) {
            return InvariantReading.failed(inv.id(), "cannot evaluate its arguments: " + e.getMessage());
        }
        StepResult r = probe.run("invariant/" + inv.id(), type, args, TIMEOUT);
        if (!r.isOk()) {
            return InvariantReading.failed(inv.id(), r.message());
        }
        Map<String, Object> all = r.outputs();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (inv.compare().isEmpty()) {
            all.forEach((k, v) -> fields.put(k, Boundary.normalize(v)));
        } else {
            for (NameRef f : inv.compare()) {
                fields.put(f.name(), Boundary.normalize(all.get(f.name())));
            }
        }
        return new InvariantReading(inv.id(), fields, null);
    }

    /** What differs between two readings of the same invariants; empty when everything is as it was. */
    public static List<InvariantDifference> compare(List<InvariantReading> before, List<InvariantReading> after) {
        List<InvariantDifference> out = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            InvariantReading b = before.get(i);
            InvariantReading a = i < after.size() ? after.get(i) : InvariantReading.failed(b.id(), "not read");
            if (b.error() != null || a.error() != null) {
                if (!Objects.equals(b.error(), a.error())) {
                    out.add(new InvariantDifference(b.id(), "", shownError(b), shownError(a)));
                }
                continue;
            }
            for (String field : b.fields().keySet()) {
                compareValue(b.id(), field, b.fields().get(field), a.fields().get(field), out);
            }
        }
        return out;
    }

    /** Maps (counts per collection, ...) are compared key by key, so the report names the key that differs. */
    private static void compareValue(
            String id, String field, Object before, Object after, List<InvariantDifference> out) {
        if (before instanceof Map<?, ?> bm && after instanceof Map<?, ?> am) {
            TreeSet<String> keys = new TreeSet<>();
            bm.keySet().forEach(k -> keys.add(String.valueOf(k)));
            am.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                compareValue(id, field + "." + k, bm.get(k), am.get(k), out);
            }
            return;
        }
        if (!Objects.equals(before, after)) {
            out.add(new InvariantDifference(id, field, shown(before), shown(after)));
        }
    }

    /** Text as JSON (an empty branch shows as "", a list of tags with its brackets), so that nothing hides. */
    private static String shown(Object v) {
        return v == null ? "(none)" : dev.runbook.json.Json.write(v);
    }

    private static String shownError(InvariantReading r) {
        return r.error() == null ? "read" : "could not be read: " + r.error();
    }

    /**
     * The runbook's verifies that can be checked outside a run (with a probe, or reading params only), each
     * polled for its {@code within}: the names of those that do not hold, with why.
     */
    public List<String> failingVerifies(List<Verify> verifies) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (Verify v : verifies) {
            String why = check(v);
            if (why != null) {
                out.add(v.name() + ": " + why);
            }
        }
        return out;
    }

    private String check(Verify v) throws InterruptedException {
        long deadline =
                System.nanoTime() + (v.within() == null ? 0 : ((Duration) Evaluator.eval(v.within(), env)).toNanos());
        Duration every = v.every() == null ? Duration.ofSeconds(1) : (Duration) Evaluator.eval(v.every(), env);
        while (true) {
            String why = once(v);
            if (why == null || System.nanoTime() >= deadline) {
                return why;
            }
            Thread.sleep(Math.max(1, every.toMillis()));
        }
    }

    private String once(Verify v) throws InterruptedException {
        Env scope = env;
        try {
            if (v.probe() != null) {
                StepType type = registry.find(v.probe().type()).orElse(null);
                if (type == null) {
                    return "its probe " + v.probe().type() + " cannot run outside a run";
                }
                StepResult r = probe.run("verify", type, ArgBinder.bind(type, v.probe(), env), TIMEOUT);
                if (!r.isOk()) {
                    return r.message();
                }
                scope = env.with("it", r.outputs());
            }
            return Evaluator.test(v.condition(), scope) ? null : "expect " + ExprPrinter.print(v.condition());
        } catch (EvalException e) {
            return "cannot be evaluated: " + e.getMessage();
        }
    }
}
