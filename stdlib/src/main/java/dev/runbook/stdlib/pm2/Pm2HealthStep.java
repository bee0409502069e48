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
import dev.runbook.spi.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pm2.health}: every pm2 process online, not restarting, and under a memory limit. "Not restarting" needs two
 * looks: {@code pm2 jlist} is read twice, {@code window} apart, and a process whose restart count or pid changed in
 * between is restarting (pm2 brings a crashing app back so fast that one look shows it online).
 */
public final class Pm2HealthStep implements StepType {
    @Override
    public String name() {
        return "pm2.health";
    }

    @Override
    public String summary() {
        return "Every pm2 process online, not restarting (two looks, window apart) and under max_memory_mb";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.HEALTH_CHECK, Trait.ON_HOST);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                Pm2Apps.ONLY_RUNNING,
                ParamSpec.optional(
                        "max_memory_mb",
                        Type.INT,
                        null,
                        "the most memory one process may use, in MiB (none: no limit)"),
                ParamSpec.optional(
                        "window",
                        Type.DURATION,
                        Duration.ofSeconds(3),
                        "how long to watch for restarts (0s: one look, no restart check)"),
                Pm2Cli.PM2,
                Pm2Cli.PM2_HOME);
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of(
                        "processes",
                        Type.LIST,
                        "maps {name, pm_id, pid, status, memory_mb, restarts, restarted}: restarted is how many times"
                                + " in the window"),
                OutputSpec.of("count", Type.INT, "how many processes were checked"),
                OutputSpec.of("max_memory_mb", Type.INT, "the most memory one of them uses, in MiB"),
                OutputSpec.of("problems", Type.LIST, "what is wrong, one text per process (empty when healthy)"));
    }

    @Override
    public String describe(Args args) {
        String which = args.has("only") && !args.show("only").isBlank() ? args.show("only") : "every pm2 process";
        String memory = args.has("max_memory_mb") ? ", each under " + args.show("max_memory_mb") + " MiB" : "";
        Object window = args.get("window");
        String looks = window instanceof Duration d && d.isZero()
                ? "online (pm2 jlist)"
                : "online and not restarting (pm2 jlist twice, " + args.show("window") + " apart)";
        return "check that " + which + " is " + looks + memory + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        Pm2Cli pm2 = new Pm2Cli(args, context);
        Duration window = args.duration("window") == null ? Duration.ZERO : args.duration("window");
        try {
            List<Pm2Process> first = Pm2Apps.running(pm2.list(), args);
            List<Pm2Process> now = first;
            if (!window.isZero() && !first.isEmpty()) {
                Thread.sleep(window.toMillis());
                now = Pm2Apps.running(pm2.list(), args);
            }
            return judge(args, first, now, window);
        } catch (Pm2Cli.Pm2Failure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    private static StepResult judge(Args args, List<Pm2Process> first, List<Pm2Process> now, Duration window) {
        Map<Long, Pm2Process> before = Pm2Wait.byId(first);
        Long limit = args.has("max_memory_mb") ? args.integer("max_memory_mb") : null;
        List<Object> problems = new ArrayList<>();
        List<Object> maps = new ArrayList<>();
        long highest = 0;
        for (Pm2Process p : now) {
            Pm2Process was = before.get(p.pmId());
            // a new pid without a counted restart is still a restart (a stop and start between the looks)
            long restarted = was == null ? 0 : Math.max(p.restarts() - was.restarts(), was.pid() != p.pid() ? 1 : 0);
            String who = p.name() + "#" + p.pmId();
            if (!p.online()) {
                problems.add(who + " is " + p.status());
            } else if (restarted > 0) {
                problems.add(who + " restarted " + restarted + " time(s) in " + Values.show(window) + " ("
                        + p.restarts() + " restarts in all)");
            }
            if (limit != null && p.memoryMb() > limit) {
                problems.add(who + " uses " + p.memoryMb() + " MiB, over max_memory_mb " + limit);
            }
            highest = Math.max(highest, p.memoryMb());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("pm_id", p.pmId());
            m.put("pid", p.pid());
            m.put("status", p.status());
            m.put("memory_mb", p.memoryMb());
            m.put("restarts", p.restarts());
            m.put("restarted", restarted);
            maps.add(m);
        }
        if (now.isEmpty()) {
            problems.add(
                    args.has("only") && !args.string("only").isBlank()
                            ? "pm2 runs no process of " + args.string("only")
                            : "pm2 runs no process");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("processes", maps);
        out.put("count", (long) now.size());
        out.put("max_memory_mb", highest);
        out.put("problems", problems);
        if (problems.isEmpty()) {
            return StepResult.ok(out);
        }
        return StepResult.failed(
                String.join("; ", problems.stream().map(String::valueOf).toList()), out);
    }

    @Override
    public List<String> found(Map<String, Object> outputs) {
        List<String> out = new ArrayList<>();
        for (Object p : (List<?>) outputs.getOrDefault("processes", List.of())) {
            Map<?, ?> m = (Map<?, ?>) p;
            out.add(m.get("name") + "#" + m.get("pm_id") + " " + m.get("status") + ", " + m.get("memory_mb") + " MiB, "
                    + m.get("restarts") + " restarts (" + m.get("restarted") + " in the window)");
        }
        return out.isEmpty() ? List.of("no processes") : out;
    }
}
