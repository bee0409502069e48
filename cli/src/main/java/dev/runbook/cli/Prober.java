package dev.runbook.cli;

import dev.runbook.engine.LocalTarget;
import dev.runbook.model.Step;
import dev.runbook.model.Unknown;
import dev.runbook.plan.ArgBinder;
import dev.runbook.plan.Plan;
import dev.runbook.plan.PlanStep;
import dev.runbook.plan.Planner;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code plan --probe}: runs each read step whose arguments are known, and records what it found. */
final class Prober {
    private final StepRegistry registry;
    private final Prepared prepared;
    private final Target target = new LocalTarget();

    Prober(StepRegistry registry, Prepared prepared) {
        this.registry = registry;
        this.prepared = prepared;
    }

    Plan probe(Plan plan) {
        List<PlanStep> out = new ArrayList<>();
        var env = Planner.planningEnv(prepared.params(), prepared.env());
        for (PlanStep ps : plan.steps()) {
            Step step = prepared.loaded().runbook().step(ps.id()).orElseThrow();
            StepType type = registry.find(step.type()).orElse(null);
            if (type == null || type.effect() != Effect.READ) {
                out.add(ps);
                continue;
            }
            Args args = ArgBinder.bindForPlan(type, step.invocation(), env);
            if (args.asMap().values().stream().anyMatch(v -> v instanceof Unknown)) {
                out.add(ps.withProbe(Map.of("skipped", "arguments depend on earlier steps")));
                continue;
            }
            out.add(ps.withProbe(run(type, args, step.id())));
        }
        return plan.withSteps(out);
    }

    private Map<String, Object> run(StepType type, Args args, String id) {
        Map<String, Object> found = new LinkedHashMap<>();
        try {
            StepResult r = type.execute(args, context(id));
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

    private StepContext context(String id) {
        Path dir = prepared.loaded().dir();
        var redactor = prepared.redactor();
        return new StepContext() {
            @Override
            public String stepId() {
                return id;
            }

            @Override
            public Path workDir() {
                return dir;
            }

            @Override
            public Map<String, String> env() {
                return System.getenv();
            }

            @Override
            public Target target() {
                return target;
            }

            @Override
            public void log(String line) {
                // a probe's output is summarised in the plan, not streamed
            }

            @Override
            public Clock clock() {
                return Clock.systemDefaultZone();
            }

            @Override
            public String redact(String text) {
                return redactor.redact(text);
            }

            @Override
            public boolean confirm(String question) {
                return false;
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }
}
