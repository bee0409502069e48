package dev.runbook.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Who holds a runbook's lock: the lock file's content. */
public record LockHolder(String scope, String user, long pid, String host, String runId, Instant since) {
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", scope);
        m.put("user", user);
        m.put("pid", pid);
        m.put("host", host);
        m.put("run_id", runId);
        m.put("since", since.toString());
        return m;
    }

    public static LockHolder fromMap(Map<?, ?> m) {
        Object pid = m.get("pid");
        Object since = m.get("since");
        return new LockHolder(
                str(m.get("scope")),
                str(m.get("user")),
                pid instanceof Number n ? n.longValue() : -1,
                str(m.get("host")),
                str(m.get("run_id")),
                since == null ? Instant.EPOCH : Instant.parse(since.toString()));
    }

    private static String str(Object o) {
        return o == null ? "?" : o.toString();
    }

    /** One line for the operator: who, where, which run, since when. */
    public String describe() {
        return user + " (pid " + pid + " on " + host + ", run " + runId + ", since " + since + ")";
    }

    /** On this host, and its process is gone. */
    public boolean deadHere(String thisHost) {
        return host.equals(thisHost)
                && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }
}
