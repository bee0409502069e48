package dev.runbook.stdlib.pm2;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code pm2.list}: every process pm2 knows, from {@code pm2 jlist} (never its environment). */
public final class Pm2ListStep implements StepType {
    @Override
    public String name() {
        return "pm2.list";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "Every pm2 process with status, pid, restarts and uptime (from pm2 jlist)";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(Pm2Cli.PM2, Pm2Cli.PM2_HOME);
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("names", Type.LIST, "the app names, each once, in pm2's order"),
                OutputSpec.of("processes", Type.LIST, "maps {name, pm_id, pid, status, restarts, uptime, mode}"),
                OutputSpec.of(
                        "all_online", Type.BOOL, "true when every process is online (and there is at least one)"));
    }

    @Override
    public String describe(Args args) {
        return "pm2 jlist: list the pm2 processes" + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        try {
            List<Pm2Process> all = new Pm2Cli(args, context).list();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("names", new ArrayList<Object>(names(all)));
            List<Object> maps = new ArrayList<>();
            all.forEach(p -> maps.add(p.toOutput(context.clock().millis())));
            out.put("processes", maps);
            out.put("all_online", !all.isEmpty() && all.stream().allMatch(Pm2Process::online));
            return StepResult.ok(out);
        } catch (Pm2Cli.Pm2Failure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    static List<String> names(List<Pm2Process> processes) {
        List<String> out = new ArrayList<>();
        processes.forEach(p -> {
            if (!out.contains(p.name())) {
                out.add(p.name());
            }
        });
        return out;
    }

    @Override
    public List<String> found(Map<String, Object> outputs) {
        List<String> out = new ArrayList<>();
        for (Object p : (List<?>) outputs.getOrDefault("processes", List.of())) {
            if (out.size() == 8) {
                out.add("...");
                break;
            }
            Map<?, ?> m = (Map<?, ?>) p;
            out.add(m.get("name") + " #" + m.get("pm_id") + "  " + m.get("status") + ", " + m.get("restarts")
                    + " restarts");
        }
        return out.isEmpty() ? List.of("no apps") : out;
    }
}
