package dev.runbook.plan;

import dev.runbook.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's JSON form, a versioned contract (format_version 1): runbook, description, source {path, sha256},
 * hash, params (secrets masked), lock, requires, waves, steps[] {id, type, effect, needs, wave, describe, args,
 * when, unless, requires, verify, retry, timeout, confirm, undo, on_failure, call, probe}, finally[], on_failure[],
 * verify[], sources {path: sha256} of every file in the call tree; a call step holds the called runbook's steps
 * (ids {@code call_id/step_id}). Absent step fields are left out. The hash covers everything except source, hash
 * and probe: what runs, and the bytes of every file it was made from.
 */
public final class PlanJson {
    private PlanJson() {}

    public static Map<String, Object> toMap(Plan plan) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format_version", (long) Plan.FORMAT_VERSION);
        out.put("runbook", plan.runbook());
        out.put("description", plan.description());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("path", plan.sourcePath());
        source.put("sha256", plan.sourceSha256());
        out.put("source", source);
        out.put("sources", new LinkedHashMap<String, Object>(plan.sources()));
        out.put("hash", plan.hash());
        if (!plan.unknowns().isEmpty()) {
            out.put("unknowns", new LinkedHashMap<String, Object>(plan.unknowns()));
        }
        body(plan, out, true);
        return out;
    }

    private static void body(Plan plan, Map<String, Object> out, boolean withProbe) {
        out.put("params", plan.params());
        out.put("lock", plan.lock());
        out.put("requires", plan.requires());
        out.put("waves", plan.waves());
        out.put("steps", steps(plan.steps(), withProbe));
        out.put("finally", steps(plan.finallySteps(), withProbe));
        out.put("on_failure", steps(plan.onFailureSteps(), withProbe));
        out.put("verify", plan.verifies());
    }

    private static List<Object> steps(List<PlanStep> steps, boolean withProbe) {
        List<Object> out = new ArrayList<>();
        for (PlanStep s : steps) {
            out.add(step(s, withProbe));
        }
        return out;
    }

    public static Map<String, Object> step(PlanStep s, boolean withProbe) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("type", s.type());
        m.put("effect", s.effect());
        m.put("needs", s.needs());
        m.put("wave", (long) s.wave());
        m.put("describe", s.describe());
        m.put("args", s.args());
        put(m, "when", s.when());
        put(m, "unless", s.unless());
        put(m, "requires", s.requires().isEmpty() ? null : s.requires());
        put(m, "verify", s.verifies().isEmpty() ? null : s.verifies());
        put(m, "retry", s.retry());
        put(m, "timeout", s.timeout());
        put(m, "confirm", s.confirm());
        put(m, "undo", s.undo());
        put(m, "on_failure", s.onFailure());
        put(m, "call", s.call());
        put(m, "skipped", s.skipped());
        if (!s.steps().isEmpty()) {
            m.put("steps", steps(s.steps(), withProbe));
        }
        if (withProbe) {
            put(m, "probe", s.probe());
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** SHA-256 of the canonical JSON of what decides the run. */
    public static String hash(Plan plan) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("format_version", (long) Plan.FORMAT_VERSION);
        canonical.put("runbook", plan.runbook());
        canonical.put("description", plan.description());
        canonical.put("sources", new LinkedHashMap<String, Object>(plan.sources()));
        body(plan, canonical, false);
        return sha256(Json.write(canonical));
    }

    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String render(Plan plan) {
        return Json.pretty(toMap(plan));
    }
}
