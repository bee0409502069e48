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
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code pm2.errors}: counts the error lines the apps logged since a time, and fails on more than {@code max}. The
 * time of a line is the stamp pm2 writes before it ({@code time: true} or {@code log_date_format} in the ecosystem
 * file); a line without one (a stack trace) belongs to the stamp above it. A log with no stamps at all cannot be
 * cut at a time: every line read is counted, and the step says so.
 */
public final class Pm2ErrorsStep implements StepType {
    static final String DEFAULT_PATTERN = "(?i)\\b(error|exception|fatal|unhandled|ECONNREFUSED)\\b";
    static final int SHOWN = 10;

    @Override
    public String name() {
        return "pm2.errors";
    }

    @Override
    public String summary() {
        return "Count the error lines in the pm2 logs since a time (stamped lines); fail on more than max";
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
                        "since",
                        Type.STRING,
                        null,
                        "count lines stamped at or after this time (ISO-8601, e.g. 2026-01-01T12:00:00Z);"
                                + " empty: every line read"),
                ParamSpec.optional("pattern", Type.STRING, DEFAULT_PATTERN, "what an error line matches (a regex)"),
                ParamSpec.optional("max", Type.INT, 0L, "how many error lines are tolerated"),
                ParamSpec.optional("lines", Type.INT, 5000L, "how many of the last lines of each log file to read"),
                Pm2Cli.PM2,
                Pm2Cli.PM2_HOME);
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("count", Type.INT, "how many error lines since the time"),
                OutputSpec.of("errors", Type.LIST, "the first of them (at most 10), secrets masked"),
                OutputSpec.of("files", Type.LIST, "the log files read"),
                OutputSpec.of("unstamped", Type.LIST, "files without time stamps: all their lines read were counted"));
    }

    @Override
    public String describe(Args args) {
        String since = args.has("since") && !args.show("since").isBlank() ? " since " + args.show("since") : "";
        String which = args.has("only") && !args.show("only").isBlank() ? " of " + args.show("only") : "";
        return "count the error lines in the pm2 logs" + which + since + ", fail on more than " + args.show("max")
                + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        Pattern pattern;
        try {
            pattern = Pattern.compile(args.has("pattern") ? args.string("pattern") : DEFAULT_PATTERN);
        } catch (PatternSyntaxException e) {
            return StepResult.refused("pm2.errors: pattern is not a regex: " + e.getDescription());
        }
        LogStamps.Cutoff since;
        try {
            since = LogStamps.cutoff(args.string("since"));
        } catch (IllegalArgumentException e) {
            return StepResult.refused("pm2.errors: " + e.getMessage());
        }
        Pm2Cli pm2 = new Pm2Cli(args, context);
        try {
            List<String> files = files(Pm2Apps.running(pm2.list(), args));
            List<Object> errors = new ArrayList<>();
            List<Object> unstamped = new ArrayList<>();
            long count = 0;
            for (String f : files) {
                LogStamps.Scan scan =
                        LogStamps.scan(pm2.tail(f, args.integer("lines")), since, pattern, SHOWN - errors.size());
                count += scan.count();
                scan.matches().forEach(line -> errors.add(f + ": " + context.redact(line)));
                if (!scan.stamped() && scan.lines() > 0) {
                    unstamped.add(f);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("count", count);
            out.put("errors", errors);
            out.put("files", new ArrayList<Object>(files));
            out.put("unstamped", unstamped);
            long max = args.integer("max");
            if (count <= max) {
                return StepResult.ok(out);
            }
            String when = since.text().isEmpty() ? "" : " since " + since.text();
            return StepResult.failed(
                    count + " error line(s) in the pm2 logs" + when + ", more than max " + max + ": "
                            + String.join(
                                    " | ",
                                    errors.stream()
                                            .limit(3)
                                            .map(String::valueOf)
                                            .toList()),
                    out);
        } catch (Pm2Cli.Pm2Failure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    /** The out and error log files of the processes, each once. */
    private static List<String> files(List<Pm2Process> processes) {
        List<String> out = new ArrayList<>();
        for (Pm2Process p : processes) {
            for (String f : List.of(p.errLog(), p.outLog())) {
                if (!f.isEmpty() && !out.contains(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    @Override
    public List<String> found(Map<String, Object> outputs) {
        List<String> out = new ArrayList<>();
        out.add(outputs.get("count") + " error line(s) in "
                + ((List<?>) outputs.getOrDefault("files", List.of())).size() + " log file(s)");
        ((List<?>) outputs.getOrDefault("errors", List.of()))
                .stream().limit(3).forEach(e -> out.add(String.valueOf(e)));
        ((List<?>) outputs.getOrDefault("unstamped", List.of()))
                .forEach(f -> out.add("no time stamps in " + f + ": every line read was counted (time: true in the"
                        + " ecosystem file stamps them)"));
        return out;
    }
}
