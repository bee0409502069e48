package dev.runbook.cli;

import dev.runbook.engine.LocalTarget;
import dev.runbook.engine.Probe;
import dev.runbook.engine.RunOptions;
import dev.runbook.expr.EvalException;
import dev.runbook.expr.Evaluator;
import dev.runbook.model.Step;
import dev.runbook.model.Unknown;
import dev.runbook.plan.ArgBinder;
import dev.runbook.plan.Plan;
import dev.runbook.plan.PlanStep;
import dev.runbook.plan.Planner;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code plan --probe}: runs each read step whose arguments are known through the engine's {@link Probe} (its time
 * limit, or {@link #DEFAULT_TIMEOUT}; Ctrl-C stops it), and records what it found in the plan.
 */
final class Prober {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final StepRegistry registry;
    private final Prepared prepared;

    Prober(StepRegistry registry, Prepared prepared) {
        this.registry = registry;
        this.prepared = prepared;
    }

    Plan probe(Plan plan, AtomicBoolean cancel) {
        List<PlanStep> out = new ArrayList<>();
        var env = Planner.planningEnv(prepared.params(), prepared.env());
        RunOptions options =
                new RunOptions(1, prepared.loaded().dir(), System.getenv(), Clock.systemDefaultZone(), "probe");
        try (LocalTarget target = new LocalTarget();
                Probe probe = new Probe(options, target, prepared.redactor(), cancel::get)) {
            for (PlanStep ps : plan.steps()) {
                Step step = prepared.loaded().runbook().step(ps.id()).orElseThrow();
                StepType type = registry.find(step.type()).orElse(null);
                if (type == null || type.effect() != Effect.READ || cancel.get()) {
                    out.add(ps);
                    continue;
                }
                Args args = ArgBinder.bindForPlan(type, step.invocation(), env);
                if (args.asMap().values().stream().anyMatch(v -> v instanceof Unknown)) {
                    out.add(ps.withProbe(Map.of("skipped", "arguments depend on earlier steps")));
                    continue;
                }
                out.add(ps.withProbe(found(probe, type, args, step, env)));
            }
        }
        return plan.withSteps(out);
    }

    private Map<String, Object> found(Probe probe, StepType type, Args args, Step step, dev.runbook.expr.Env env) {
        Map<String, Object> found = new LinkedHashMap<>();
        try {
            StepResult r = probe.run(step.id(), type, args, timeout(step, env));
            found.put("ok", r.isOk());
            if (!r.isOk()) {
                found.put("message", prepared.redactor().redact(r.message()));
            }
            Object outputs = prepared.redactor().redactValue(Planner.shownValue(r.outputs()));
            ((Map<?, ?>) outputs).forEach((k, v) -> {
                if (!"body".equals(k) && !"stdout".equals(k)) {
                    found.put(String.valueOf(k), v);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found.put("ok", false);
            found.put("message", "interrupted");
        }
        return found;
    }

    /** The step's own time limit when it has one that is known now, else the default. */
    private static Duration timeout(Step step, dev.runbook.expr.Env env) {
        if (step.timeout() == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            return Evaluator.eval(step.timeout(), env) instanceof Duration d ? d : DEFAULT_TIMEOUT;
        } catch (EvalException e) {
            return DEFAULT_TIMEOUT;
        }
    }
}
