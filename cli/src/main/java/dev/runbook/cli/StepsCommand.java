package dev.runbook.cli;

import dev.runbook.json.Json;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "steps",
        mixinStandardHelpOptions = true,
        description = "List the built-in step types, or show one with its arguments and outputs.")
final class StepsCommand implements Callable<Integer> {
    private final Services services;

    @Parameters(arity = "0..1", paramLabel = "TYPE", description = "A step type, e.g. http.check.")
    String type;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    StepsCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        List<StepType> types = services.registry().all();
        if (type != null) {
            var found = services.registry().find(type);
            if (found.isEmpty()) {
                services.err()
                        .println("runbook steps: unknown step type " + type
                                + services.registry()
                                        .suggest(type)
                                        .map(s -> " (did you mean " + s + "?)")
                                        .orElse(""));
                return ExitCodes.USAGE;
            }
            types = List.of(found.get());
        }
        if ("json".equals(format)) {
            List<Object> all = new ArrayList<>();
            types.forEach(t -> all.add(toMap(t)));
            services.out().print(Json.pretty(all));
            return ExitCodes.OK;
        }
        if (type == null) {
            for (StepType t : types) {
                services.out().printf("%-22s %-8s %s%n", t.name(), t.effect().label(), t.summary());
            }
            return ExitCodes.OK;
        }
        detail(types.get(0));
        return ExitCodes.OK;
    }

    private void detail(StepType t) {
        var out = services.out();
        out.println(t.name() + " (" + t.effect().label() + (t.hasUndo() ? ", has undo" : "") + ")");
        out.println("  " + t.summary());
        out.println("\nArguments:");
        for (ParamSpec p : t.params()) {
            out.printf(
                    "  %-16s %-9s %s%s%n",
                    p.name(),
                    p.type().label(),
                    p.required() ? "required. " : "",
                    p.description()
                            + (p.defaultValue() == null ? "" : " (default " + Values.show(p.defaultValue()) + ")"));
        }
        out.println("\nOutputs:");
        for (OutputSpec o : t.outputs()) {
            out.printf("  %-16s %-9s %s%n", o.name(), o.type().label(), o.description());
        }
    }

    static Map<String, Object> toMap(StepType t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("summary", t.summary());
        m.put("effect", t.effect().label());
        m.put("undo", t.hasUndo());
        List<Object> params = new ArrayList<>();
        for (ParamSpec p : t.params()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("type", p.type().label());
            pm.put("required", p.required());
            pm.put("default", dev.runbook.plan.Planner.shownValue(p.defaultValue()));
            pm.put("description", p.description());
            params.add(pm);
        }
        m.put("params", params);
        List<Object> outputs = new ArrayList<>();
        for (OutputSpec o : t.outputs()) {
            outputs.add(Map.of("name", o.name(), "type", o.type().label(), "description", o.description()));
        }
        m.put("outputs", outputs);
        return m;
    }
}
