package dev.runbook.stdlib.nginx;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Command;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.StepContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nginx binary as the step types run it: {@code nginx [-e stderr] [-p prefix] [-c conf] ...} through the
 * context's target, plus what the running server looks like (master pid from the pid file, workers = the master's
 * children, the error log).
 */
final class NginxBinary {
    static final ParamSpec NGINX = ParamSpec.optional("nginx", Type.STRING, "nginx", "the nginx binary");
    static final ParamSpec PREFIX = ParamSpec.optional("prefix", Type.STRING, null, "-p: the prefix path");
    static final ParamSpec CONF = ParamSpec.optional("conf", Type.STRING, null, "-c: the main configuration file");
    static final ParamSpec PID_FILE = ParamSpec.optional(
            "pid_file",
            Type.STRING,
            null,
            "the pid file (default: the config's pid directive, else nginx's compiled-in path)");
    static final ParamSpec ERROR_LOG = ParamSpec.optional(
            "error_log",
            Type.STRING,
            null,
            "the error log (default: the config's first error_log, else nginx's compiled-in path)");
    static final ParamSpec WAIT = ParamSpec.optional(
            "wait", Type.DURATION, Duration.ofSeconds(10), "how long to wait for nginx to show the change");
    static final List<ParamSpec> PARAMS = List.of(NGINX, PREFIX, CONF);
    static final List<ParamSpec> RUNTIME_PARAMS = List.of(NGINX, PREFIX, CONF, PID_FILE, ERROR_LOG, WAIT);

    private static final Pattern PROBLEM =
            Pattern.compile("\\[(emerg|alert|crit)\\] (?:\\d+#\\d+: )?(.*?)(?: in (\\S+):(\\d+))?$");

    /** A failure to report: nginx missing, config invalid, server not running, a reload refused. */
    static final class NginxFailure extends Exception {
        NginxFailure(String message) {
            super(message);
        }
    }

    /** What {@code nginx -t} said: ok, or the first problem with its file and line when nginx named them. */
    record TestOutcome(boolean ok, String file, long line, String message) {}

    private final StepContext context;
    private final String binary;
    private final String prefix;
    private final String conf;

    NginxBinary(Args args, StepContext context) {
        this.context = context;
        this.binary = args.has("nginx") ? args.string("nginx") : "nginx";
        this.prefix = args.has("prefix")
                ? withSlash(context.resolve(args.string("prefix")).toString())
                : null;
        this.conf = args.has("conf") ? context.resolve(args.string("conf")).toString() : null;
    }

    /** "nginx -p P -c C", for plans ({@code -e stderr} is added at run time when the binary supports it). */
    static String show(Args args) {
        String out = args.has("nginx") ? args.show("nginx") : "nginx";
        out += args.has("prefix") ? " -p " + args.show("prefix") : "";
        return out + (args.has("conf") ? " -c " + args.show("conf") : "");
    }

    ProcessResult run(String... more) throws NginxFailure, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        if (supportsStderrLog()) {
            argv.addAll(List.of("-e", "stderr"));
        }
        if (prefix != null) {
            argv.addAll(List.of("-p", prefix));
        }
        if (conf != null) {
            argv.addAll(List.of("-c", conf));
        }
        argv.addAll(List.of(more));
        return exec(Command.of(argv).withTimeout(Duration.ofMinutes(1)));
    }

    /** {@code -e} exists since nginx 1.19.5; without it an unprivileged run warns about the compiled-in log. */
    private boolean supportsStderrLog() throws NginxFailure, InterruptedException {
        ProcessResult r = exec(Command.of(binary, "-v"));
        Matcher m = Pattern.compile("nginx/(\\d+)\\.(\\d+)\\.(\\d+)").matcher(r.stderr() + r.stdout());
        if (!m.find()) {
            return false;
        }
        int[] v = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        return v[0] > 1 || (v[0] == 1 && (v[1] > 19 || (v[1] == 19 && v[2] >= 5)));
    }

    TestOutcome test() throws NginxFailure, InterruptedException {
        ProcessResult r = run("-t");
        String out = context.redact(r.stderr() + "\n" + r.stdout());
        for (String line : out.split("\n")) {
            Matcher m = PROBLEM.matcher(line.strip());
            if (m.find()) {
                long lineNo = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
                String file = m.group(3) == null ? "" : m.group(3);
                return new TestOutcome(false, file, lineNo, "[" + m.group(1) + "] " + m.group(2));
            }
        }
        if (r.ok()) {
            return new TestOutcome(true, "", 0, "");
        }
        return new TestOutcome(false, "", 0, r.lastLine());
    }

    /** The pid file and error log of the running config: the arguments, else the config, else compiled-in. */
    String[] paths(Args args) throws NginxFailure, InterruptedException {
        String pid =
                args.has("pid_file") ? context.resolve(args.string("pid_file")).toString() : null;
        String log = args.has("error_log")
                ? context.resolve(args.string("error_log")).toString()
                : null;
        if (pid != null && log != null) {
            return new String[] {pid, log};
        }
        String dump = run("-T").stdout();
        String built = exec(Command.of(binary, "-V")).stderr();
        String base = prefix != null ? prefix : withSlash(option(built, "prefix", "/usr/share/nginx"));
        if (pid == null) {
            pid = absolute(base, directive(dump, "pid", option(built, "pid-path", "/run/nginx.pid")));
        }
        if (log == null) {
            log = absolute(
                    base, directive(dump, "error_log", option(built, "error-log-path", "/var/log/nginx/error.log")));
        }
        return new String[] {pid, log};
    }

    /** The master's pid from the pid file, or 0 when there is none or it is not alive. */
    long master(String pidFile) throws NginxFailure, InterruptedException {
        ProcessResult r = exec(Command.of("cat", pidFile));
        if (!r.ok() || !r.stdout().strip().matches("\\d+")) {
            return 0;
        }
        long pid = Long.parseLong(r.stdout().strip());
        return alive(pid) ? pid : 0;
    }

    boolean alive(long pid) throws NginxFailure, InterruptedException {
        ProcessResult r = exec(Command.of("cat", "/proc/" + pid + "/stat"));
        if (!r.ok()) {
            return false;
        }
        String stat = r.stdout();
        int close = stat.lastIndexOf(')');
        return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) != 'Z';
    }

    /** The master's child processes (its workers, and cache processes if any). */
    Set<Long> workers(long master) throws NginxFailure, InterruptedException {
        ProcessResult r =
                exec(Command.of("sh", "-c", "cat /proc/\"$1\"/task/*/children", "sh", String.valueOf(master)));
        Set<Long> out = new LinkedHashSet<>();
        for (String p : r.stdout().trim().split("\\s+")) {
            if (p.matches("\\d+")) {
                out.add(Long.parseLong(p));
            }
        }
        return out;
    }

    long size(String file) throws NginxFailure, InterruptedException {
        ProcessResult r = exec(Command.of("stat", "-c", "%s", file));
        return r.ok() && r.stdout().strip().matches("\\d+")
                ? Long.parseLong(r.stdout().strip())
                : 0;
    }

    /** The text of a file from a byte offset on (what nginx logged since). */
    String since(String file, long offset) throws NginxFailure, InterruptedException {
        ProcessResult r = exec(Command.of("tail", "-c", "+" + (offset + 1), file));
        return r.ok() ? context.redact(r.stdout()) : "";
    }

    /** The first [emerg] or [alert] line of a log text, or null. */
    static String problem(String logText) {
        for (String line : logText.split("\n")) {
            if (line.contains("[emerg]") || line.contains("[alert]")) {
                return line.strip();
            }
        }
        return null;
    }

    private ProcessResult exec(Command command) throws NginxFailure, InterruptedException {
        try {
            return context.target().run(command);
        } catch (IOException e) {
            throw new NginxFailure("cannot run " + command.argv().get(0) + ": " + e.getMessage()
                    + " (is nginx installed? pass nginx: \"/usr/sbin/nginx\")");
        }
    }

    private static String directive(String dump, String name, String fallback) {
        Matcher m = Pattern.compile("(?m)^\\s*" + name + "\\s+([^;\\s]+)").matcher(dump);
        return m.find() ? m.group(1) : fallback;
    }

    private static String option(String built, String name, String fallback) {
        Matcher m = Pattern.compile("--" + name + "=(\\S+)").matcher(built);
        return m.find() ? m.group(1) : fallback;
    }

    private static String absolute(String base, String path) {
        return path.startsWith("/") ? path : base + path;
    }

    private static String withSlash(String dir) {
        return dir.endsWith("/") ? dir : dir + "/";
    }
}
