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
import java.util.Set;

/** {@code pm2.describe}: one app's state, summed over its instances. */
public final class Pm2DescribeStep implements StepType {
    @Override
    public String name() {
        return "pm2.describe";
    }

    @Override
    public String summary() {
        return "One app's status, pids, restarts, uptime, instances and version (from pm2 jlist)";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.HEALTH_PROBE, Trait.ON_HOST);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.required("name", Type.STRING, "the app name"), Pm2Cli.PM2, Pm2Cli.PM2_HOME);
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("status", Type.STRING, "online when every instance is, else the first other status"),
                OutputSpec.of("pid", Type.INT, "pid of the first instance (0 when stopped)"),
                OutputSpec.of("pids", Type.LIST, "pids of every instance"),
                OutputSpec.of("restarts", Type.INT, "restarts summed over the instances"),
                OutputSpec.of("uptime", Type.INT, "seconds since the most recent (re)start of an instance"),
                OutputSpec.of("instances", Type.INT, "how many processes the app has"),
                OutputSpec.of("version", Type.STRING, "the version in the app's package.json, as pm2 read it"));
    }

    @Override
    public String describe(Args args) {
        return "read the state of pm2 app " + args.show("name") + " (pm2 jlist)" + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        String name = args.string("name");
        try {
            List<Pm2Process> all = new Pm2Cli(args, context).list();
            List<Pm2Process> mine =
                    all.stream().filter(p -> p.name().equals(name)).toList();
            if (mine.isEmpty()) {
                return StepResult.failed("pm2 has no app named " + name + " (known: "
                        + String.join(", ", Pm2ListStep.names(all)) + "; check pm2_home / PM2_HOME)");
            }
            long now = context.clock().millis();
            String status = mine.stream()
                    .filter(p -> !p.online())
                    .map(Pm2Process::status)
                    .findFirst()
                    .orElse("online");
            List<Object> pids = new ArrayList<>();
            mine.forEach(p -> pids.add(p.pid()));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", status);
            out.put("pid", mine.get(0).pid());
            out.put("pids", pids);
            out.put("restarts", mine.stream().mapToLong(Pm2Process::restarts).sum());
            out.put(
                    "uptime",
                    mine.stream().mapToLong(p -> p.uptimeSeconds(now)).min().orElse(0));
            out.put("instances", (long) mine.size());
            out.put("version", mine.get(0).version());
            return StepResult.ok(out);
        } catch (Pm2Cli.Pm2Failure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    @Override
    public List<String> found(Map<String, Object> outputs) {
        return List.of(outputs.get("status") + ", " + outputs.get("instances") + " instance(s), "
                + outputs.get("restarts") + " restarts, version " + outputs.get("version"));
    }
}
