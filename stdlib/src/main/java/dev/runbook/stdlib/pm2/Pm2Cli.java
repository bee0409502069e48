package dev.runbook.stdlib.pm2;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Command;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.StepContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pm2 CLI as the step types use it: through the context's target, with the binary and PM2_HOME from the
 * arguments. pm2's exit codes are not trusted (it exits 0 on failures and 1 on no-ops), so state is read from
 * {@code pm2 jlist}.
 */
final class Pm2Cli {
    static final ParamSpec PM2 = ParamSpec.optional("pm2", Type.STRING, "pm2", "the pm2 binary");
    static final ParamSpec PM2_HOME = ParamSpec.optional(
            "pm2_home",
            Type.STRING,
            null,
            "PM2_HOME of the daemon to talk to (default: the PM2_HOME environment variable, else ~/.pm2)");
    static final ParamSpec WAIT = ParamSpec.optional(
            "wait",
            Type.DURATION,
            Duration.ofSeconds(30),
            "how long to wait for the processes to reach the expected state");

    private final StepContext context;
    private final String binary;
    private final Map<String, String> env = new LinkedHashMap<>();

    Pm2Cli(Args args, StepContext context) {
        this.context = context;
        this.binary = args.string("pm2") == null ? "pm2" : args.string("pm2");
        String home = args.has("pm2_home")
                ? context.resolve(args.string("pm2_home")).toString()
                : context.env().get("PM2_HOME");
        if (home != null) {
            env.put("PM2_HOME", home);
        }
    }

    /** " (PM2_HOME=...)" for describe texts when a home is given, else "". */
    static String homeNote(Args args) {
        return args.has("pm2_home") ? " (PM2_HOME=" + args.show("pm2_home") + ")" : "";
    }

    /** A pm2 failure the step reports: pm2 missing, the daemon unreachable, an app in a crash loop. */
    static final class Pm2Failure extends Exception {
        Pm2Failure(String message) {
            super(message);
        }
    }

    ProcessResult run(List<String> pm2Args) throws Pm2Failure, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        argv.addAll(pm2Args);
        Command command = Command.of(argv).withEnv(env).withTimeout(Duration.ofMinutes(2));
        if (context.target().isLocal()) {
            // the runbook's folder, where a relative ecosystem file's own paths resolve; a remote host has none
            command = command.withCwd(context.workDir());
        }
        try {
            return context.target().run(command);
        } catch (IOException e) {
            throw new Pm2Failure(
                    "cannot run " + binary + ": " + e.getMessage() + " (is pm2 installed? pass pm2: \"/path/to/pm2\")");
        }
    }

    /** Runs an action; its exit code is only a hint, but "not found"-style errors are reported as they are. */
    ProcessResult action(List<String> pm2Args) throws Pm2Failure, InterruptedException {
        context.log(display(pm2Args));
        ProcessResult r = run(pm2Args);
        for (String line : (r.stdout() + "\n" + r.stderr()).split("\n")) {
            if (!line.isBlank()) {
                context.log(context.redact(line.replaceAll("\u001B\\[[0-9;]*m", "")));
            }
        }
        return r;
    }

    String display(List<String> pm2Args) {
        return binary + " " + String.join(" ", pm2Args);
    }

    /** Every process pm2 knows, from {@code pm2 jlist}. */
    List<Pm2Process> list() throws Pm2Failure, InterruptedException {
        ProcessResult r = run(List.of("jlist"));
        String json = jsonLine(r.stdout());
        if (json == null) {
            throw new Pm2Failure("pm2 jlist gave no process list (exit " + r.exitCode() + "): "
                    + context.redact(r.lastLine()) + " (check that the pm2 daemon for "
                    + env.getOrDefault("PM2_HOME", "~/.pm2") + " can start)");
        }
        List<Pm2Process> out = new ArrayList<>();
        for (Object item : (List<?>) dev.runbook.json.Json.parse(json)) {
            if (item instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) m;
                out.add(Pm2Process.from(map));
            }
        }
        return out;
    }

    List<Pm2Process> list(List<String> names) throws Pm2Failure, InterruptedException {
        return list().stream().filter(p -> names.contains(p.name())).toList();
    }

    /**
     * The JSON array in jlist's output. A daemon being spawned prints banners and "[PM2] ..." lines first, so
     * take the line that starts an array of objects (or is an empty array), not simply the first '['.
     */
    static String jsonLine(String stdout) {
        for (String line : stdout.split("\n")) {
            String t = line.strip();
            if (t.startsWith("[{") || t.equals("[]")) {
                return t;
            }
        }
        return null;
    }

    /** The last lines of a pm2 log file, read on the target, redacted. */
    String tail(String path, long lines) throws InterruptedException {
        if (path == null || path.isEmpty()) {
            return "";
        }
        try {
            ProcessResult r = context.target().run(Command.of("tail", "-n", String.valueOf(lines), path));
            return r.ok() ? context.redact(r.stdout()) : "";
        } catch (IOException e) {
            return "";
        }
    }

    StepContext context() {
        return context;
    }
}
