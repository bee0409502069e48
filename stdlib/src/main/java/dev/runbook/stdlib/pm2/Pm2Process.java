package dev.runbook.stdlib.pm2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One process from {@code pm2 jlist}, keeping only the fields we use. pm2_env also holds the app's whole
 * environment (secrets included), which is deliberately dropped here.
 */
record Pm2Process(
        String name,
        long pmId,
        long pid,
        String status,
        long restarts,
        long startedAtMillis,
        String version,
        String execMode,
        String outLog,
        String errLog,
        long memoryBytes) {

    @SuppressWarnings("unchecked")
    static Pm2Process from(Map<String, Object> item) {
        Map<String, Object> env = item.get("pm2_env") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> monit = item.get("monit") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new Pm2Process(
                text(item.get("name")),
                number(item.get("pm_id")),
                number(item.get("pid")),
                text(env.get("status")),
                number(env.get("restart_time")),
                number(env.get("pm_uptime")),
                text(env.get("version")),
                text(env.get("exec_mode")),
                text(env.get("pm_out_log_path")),
                text(env.get("pm_err_log_path")),
                number(monit.get("memory")));
    }

    boolean online() {
        return "online".equals(status);
    }

    /** Seconds since the last (re)start, 0 unless online. */
    long uptimeSeconds(long nowMillis) {
        return online() && startedAtMillis > 0 ? Math.max(0, (nowMillis - startedAtMillis) / 1000) : 0;
    }

    Map<String, Object> toOutput(long nowMillis) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("pm_id", pmId);
        out.put("pid", pid);
        out.put("status", status);
        out.put("restarts", restarts);
        out.put("uptime", uptimeSeconds(nowMillis));
        out.put("mode", execMode.replace("_mode", ""));
        return out;
    }

    /** Resident memory in whole MiB, as pm2 monit shows it. */
    long memoryMb() {
        return memoryBytes / (1024 * 1024);
    }

    String brief() {
        return name + "#" + pmId + " " + status + " pid " + pid + " restarts " + restarts;
    }

    private static String text(Object v) {
        return v == null ? "" : String.valueOf(v);
    }

    private static long number(Object v) {
        return v instanceof Number n ? n.longValue() : 0;
    }
}
