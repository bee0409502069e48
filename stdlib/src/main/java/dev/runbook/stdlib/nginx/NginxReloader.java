package dev.runbook.stdlib.nginx;

import dev.runbook.spi.Args;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.StepContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reload that proves it took. {@code nginx -s reload} exits 0 once the signal is sent, even when the master then
 * rejects the new config and keeps the old one; so: test first, note the master, its workers and the error log's
 * length, signal, then wait for new workers under the same master, or an [emerg]/[alert] logged since.
 */
final class NginxReloader {
    private final NginxBinary nginx;
    private final Args args;
    private final StepContext context;

    NginxReloader(NginxBinary nginx, Args args, StepContext context) {
        this.nginx = nginx;
        this.args = args;
        this.context = context;
    }

    Map<String, Object> reload() throws NginxBinary.NginxFailure, InterruptedException {
        NginxBinary.TestOutcome test = nginx.test();
        if (!test.ok()) {
            throw new NginxBinary.NginxFailure("nginx -t failed, nothing was reloaded: " + NginxTestStep.where(test));
        }
        String[] paths = nginx.paths(args);
        long master = nginx.master(paths[0]);
        if (master == 0) {
            throw new NginxBinary.NginxFailure("nginx is not running: no live master pid in " + paths[0]
                    + " (start it with nginx.start, or pass pid_file)");
        }
        Set<Long> old = nginx.workers(master);
        long offset = nginx.size(paths[1]);
        ProcessResult r = nginx.run("-s", "reload");
        if (!r.ok()) {
            throw new NginxBinary.NginxFailure(
                    "nginx -s reload failed (exit " + r.exitCode() + "): " + context.redact(r.lastLine()));
        }
        Duration wait = args.duration("wait") == null ? Duration.ofSeconds(10) : args.duration("wait");
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (!nginx.alive(master)) {
                throw new NginxBinary.NginxFailure(
                        "the nginx master " + master + " exited during the reload; check " + paths[1]);
            }
            List<Object> fresh = new ArrayList<>();
            nginx.workers(master).stream().filter(p -> !old.contains(p)).forEach(fresh::add);
            if (!fresh.isEmpty()) {
                context.log("nginx master " + master + " started new workers " + fresh);
                awaitRetired(master, old, deadline);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("master_pid", master);
                out.put("old_workers", new ArrayList<Object>(old));
                out.put("new_workers", fresh);
                return out;
            }
            String problem = NginxBinary.problem(nginx.since(paths[1], offset));
            if (problem != null) {
                throw new NginxBinary.NginxFailure("the running nginx (master " + master
                        + ") rejected the new configuration and keeps serving the old one: " + problem);
            }
            if (System.nanoTime() > deadline || context.cancelled()) {
                throw new NginxBinary.NginxFailure("after " + wait.toSeconds() + "s nginx master " + master
                        + " has started no new worker and logged no error in " + paths[1]
                        + " (is that the error log of the running config? pass error_log)");
            }
            Thread.sleep(100);
        }
    }

    /** Old workers finish their requests and exit; until then they still serve the old config. */
    private void awaitRetired(long master, Set<Long> old, long deadline)
            throws NginxBinary.NginxFailure, InterruptedException {
        while (nginx.workers(master).stream().anyMatch(old::contains)) {
            if (System.nanoTime() > deadline || context.cancelled()) {
                context.log("old nginx workers are still finishing requests; the new configuration is live");
                return;
            }
            Thread.sleep(50);
        }
    }
}
