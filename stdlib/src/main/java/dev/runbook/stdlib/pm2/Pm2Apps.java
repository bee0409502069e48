package dev.runbook.stdlib.pm2;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which apps a pm2 action addresses (an app name, or an ecosystem file narrowed by name) and its outputs. */
final class Pm2Apps {
    static final ParamSpec NAME = ParamSpec.optional(
            "name", Type.STRING, null, "the app name (with an ecosystem file: only this app, --only)");
    static final ParamSpec ECOSYSTEM =
            ParamSpec.optional("ecosystem", Type.STRING, null, "an ecosystem file (*.config.js); give it or name");
    static final ParamSpec ONLY = ParamSpec.optional(
            "only",
            Type.STRING,
            null,
            "with an ecosystem file: only these apps, comma-separated (--only a,b); empty or absent: every app of the"
                    + " file");
    static final ParamSpec ENV = ParamSpec.optional(
            "env", Type.STRING, null, "the ecosystem environment (--env, e.g. production); needs ecosystem");

    /** {@code only} of the read steps that look at what pm2 runs (no ecosystem file). */
    static final ParamSpec ONLY_RUNNING = ParamSpec.optional(
            "only", Type.STRING, null, "only these apps, comma-separated; empty: every process pm2 runs");

    static final List<OutputSpec> OUTPUTS = List.of(
            OutputSpec.of("names", Type.LIST, "the apps the action addressed"),
            OutputSpec.of("pids", Type.LIST, "their process ids now (0 when stopped)"),
            OutputSpec.of("processes", Type.LIST, "maps {name, pm_id, pid, status, restarts, uptime, mode}"));

    private Pm2Apps() {}

    /** The target part of a pm2 command line: {@code name} or {@code file [--only name] [--env env]}. */
    static List<String> target(Args args, String ecosystemPath) {
        List<String> out = new ArrayList<>();
        if (ecosystemPath == null) {
            out.add(args.string("name"));
            return out;
        }
        out.add(ecosystemPath);
        String only = narrowing(args);
        if (only != null) {
            out.add("--only");
            out.add(only);
        }
        if (args.has("env")) {
            out.add("--env");
            out.add(args.string("env"));
        }
        return out;
    }

    /** The same, for a plan. */
    static String show(Args args) {
        if (!args.has("ecosystem")) {
            return args.show("name");
        }
        String only = args.has("name") ? args.show("name") : args.has("only") ? args.show("only") : "";
        return args.show("ecosystem")
                + (only.isBlank() ? "" : " --only " + only)
                + (args.has("env") ? " --env " + args.show("env") : "");
    }

    /** "every instance of web" or "every app of the ecosystem file", for a plan. */
    static String which(Args args) {
        if (isAll(args)) {
            return "every app pm2 runs";
        }
        if (args.has("name")) {
            return "every instance of " + args.show("name");
        }
        return args.has("only") && !args.show("only").isBlank()
                ? "every instance of " + args.show("only")
                : "every app it names";
    }

    /** The apps an ecosystem action is narrowed to ({@code name}, else a non-empty {@code only}), or null: all. */
    static String narrowing(Args args) {
        if (args.has("name")) {
            return args.string("name");
        }
        String only = args.string("only");
        return only == null || only.isBlank() ? null : only.replace(" ", "");
    }

    /** {@code name: "all"} without an ecosystem file: pm2's word for every app it knows. */
    static boolean isAll(Args args) {
        return "all".equals(args.string("name")) && !args.has("ecosystem");
    }

    /**
     * The names given ({@code all}: every app pm2 knew before), or else the apps whose processes are new or changed
     * since {@code before}.
     */
    static List<String> names(Args args, List<Pm2Process> before, List<Pm2Process> after) {
        if (isAll(args)) {
            List<String> out = new ArrayList<>();
            for (Pm2Process p : before) {
                if (!out.contains(p.name())) {
                    out.add(p.name());
                }
            }
            return out;
        }
        String only = narrowing(args);
        if (only != null) {
            return List.of(only.split(","));
        }
        Map<Long, Pm2Process> old = Pm2Wait.byId(before);
        List<String> out = new ArrayList<>();
        for (Pm2Process p : after) {
            Pm2Process was = old.get(p.pmId());
            boolean changed = was == null
                    || was.pid() != p.pid()
                    || was.restarts() != p.restarts()
                    || !was.status().equals(p.status());
            if (changed && !out.contains(p.name())) {
                out.add(p.name());
            }
        }
        return out;
    }

    static Map<String, Object> outputs(List<String> names, List<Pm2Process> processes, long nowMillis) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("names", List.copyOf(names));
        List<Object> pids = new ArrayList<>();
        List<Object> maps = new ArrayList<>();
        for (Pm2Process p : processes) {
            pids.add(p.pid());
            maps.add(p.toOutput(nowMillis));
        }
        out.put("pids", pids);
        out.put("processes", maps);
        return out;
    }

    /** The processes {@link #ONLY_RUNNING} names (all of them when it is empty), in pm2's order. */
    static List<Pm2Process> running(List<Pm2Process> all, Args args) {
        String only = args.string("only");
        if (only == null || only.isBlank()) {
            return all;
        }
        List<String> names = List.of(only.replace(" ", "").split(","));
        return all.stream().filter(p -> names.contains(p.name())).toList();
    }
}
