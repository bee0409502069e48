package dev.runbook.stdlib.pm2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Polls {@code pm2 jlist} after an action until the apps are really in the state asked for. Online means: every
 * process of the apps online, each one new or with a new pid or restart count since {@code before}, and still so
 * with the same pids after a short stability window (pm2 restarts a crashing app, so "online" once proves little).
 */
final class Pm2Wait {
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration STABLE = Duration.ofMillis(1500);
    static final int CRASH_LOOP_RESTARTS = 3;

    private final Pm2Cli pm2;
    private final Duration wait;

    Pm2Wait(Pm2Cli pm2, Duration wait) {
        this.pm2 = pm2;
        this.wait = wait == null ? Duration.ofSeconds(30) : wait;
    }

    static Map<Long, Pm2Process> byId(List<Pm2Process> processes) {
        Map<Long, Pm2Process> out = new HashMap<>();
        processes.forEach(p -> out.put(p.pmId(), p));
        return out;
    }

    /**
     * Waits until every process of {@code names} is online, fresh since {@code before}, and stable; with
     * {@code expected >= 0} also exactly that many processes. Returns them, or throws what went wrong.
     */
    List<Pm2Process> online(List<String> names, Map<Long, Pm2Process> before, int expected)
            throws Pm2Cli.Pm2Failure, InterruptedException {
        return online(names, before, expected, true);
    }

    /** As {@link #online(List, Map, int)}; {@code fresh} false accepts processes that did not restart (scale). */
    List<Pm2Process> online(List<String> names, Map<Long, Pm2Process> before, int expected, boolean fresh)
            throws Pm2Cli.Pm2Failure, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Pm2Process> now = pm2.list(names);
        while (true) {
            crashCheck(names, now, before);
            if (ready(now, fresh ? before : Map.of(), expected)) {
                Thread.sleep(STABLE.toMillis());
                List<Pm2Process> later = pm2.list(names);
                if (samePids(now, later) && ready(later, fresh ? before : Map.of(), expected)) {
                    return later;
                }
                now = later;
                continue;
            }
            if (System.nanoTime() > deadline || pm2.context().cancelled()) {
                throw new Pm2Cli.Pm2Failure("after " + wait.toSeconds() + "s, " + String.join(", ", names)
                        + " is not online as expected" + (expected >= 0 ? " with " + expected + " instance(s)" : "")
                        + ": " + states(now) + errTail(now) + " (check `pm2 logs " + names.get(0) + "`)");
            }
            Thread.sleep(POLL.toMillis());
            now = pm2.list(names);
        }
    }

    /** Waits until every process of {@code names} is stopped (pid 0). */
    List<Pm2Process> stopped(List<String> names) throws Pm2Cli.Pm2Failure, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<Pm2Process> now = pm2.list(names);
            if (now.stream().allMatch(p -> "stopped".equals(p.status()) && p.pid() == 0)) {
                return now;
            }
            if (System.nanoTime() > deadline || pm2.context().cancelled()) {
                throw new Pm2Cli.Pm2Failure("after " + wait.toSeconds() + "s, " + String.join(", ", names)
                        + " has not stopped: " + states(now));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Waits until pm2 no longer lists any process of {@code names}. */
    void gone(List<String> names) throws Pm2Cli.Pm2Failure, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<Pm2Process> now = pm2.list(names);
            if (now.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline || pm2.context().cancelled()) {
                throw new Pm2Cli.Pm2Failure("after " + wait.toSeconds() + "s, pm2 still lists " + states(now));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private void crashCheck(List<String> names, List<Pm2Process> now, Map<Long, Pm2Process> before)
            throws Pm2Cli.Pm2Failure, InterruptedException {
        for (Pm2Process p : now) {
            Pm2Process old = before.get(p.pmId());
            long restarts = p.restarts() - (old == null ? 0 : old.restarts());
            if ("errored".equals(p.status()) || restarts > CRASH_LOOP_RESTARTS) {
                String why = "errored".equals(p.status())
                        ? "errored (pm2 gave up restarting it)"
                        : "in a crash loop (restarted " + restarts + " times since the action)";
                throw new Pm2Cli.Pm2Failure(p.name() + " is " + why + ": " + states(now) + errTail(List.of(p))
                        + " (check `pm2 logs " + names.get(0) + "` and the app's configuration)");
            }
        }
    }

    private static boolean ready(List<Pm2Process> now, Map<Long, Pm2Process> before, int expected) {
        if (now.isEmpty() || (expected >= 0 && now.size() != expected)) {
            return false;
        }
        for (Pm2Process p : now) {
            Pm2Process old = before.get(p.pmId());
            boolean fresh = old == null || old.pid() != p.pid() || old.restarts() < p.restarts();
            if (!p.online() || p.pid() == 0 || !fresh) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePids(List<Pm2Process> a, List<Pm2Process> b) {
        Map<Long, Long> pids = new LinkedHashMap<>();
        a.forEach(p -> pids.put(p.pmId(), p.pid()));
        Map<Long, Long> later = new LinkedHashMap<>();
        b.forEach(p -> later.put(p.pmId(), p.pid()));
        return pids.equals(later);
    }

    static String states(List<Pm2Process> processes) {
        if (processes.isEmpty()) {
            return "no such process in pm2";
        }
        StringJoiner out = new StringJoiner("; ");
        processes.forEach(p -> out.add(p.brief()));
        return out.toString();
    }

    private String errTail(List<Pm2Process> processes) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (Pm2Process p : processes) {
            if (seen.contains(p.errLog())) {
                continue;
            }
            seen.add(p.errLog());
            String tail = pm2.tail(p.errLog(), 5).strip();
            if (!tail.isEmpty()) {
                out.append("; last lines of ")
                        .append(p.errLog())
                        .append(":\n")
                        .append(tail)
                        .append('\n');
            }
        }
        return out.toString();
    }
}
