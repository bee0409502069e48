package dev.runbook.expr;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What an expression can see while it is evaluated: named values (params, {@code steps}, {@code it}, {@code run}),
 * the clock, the directory of the runbook, and the process environment for {@code env()}. While planning,
 * {@code now()} is unknown, so the same runbook and params always give the same plan. Values come in normalized
 * ({@link Boundary}): bound params and recorded outputs are, and {@link #with} normalizes what it adds.
 */
public record Env(
        Map<String, Object> vars, Clock clock, Path workDir, Map<String, String> environment, boolean planning) {
    public Env with(String name, Object value) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(vars);
        more.put(name, Boundary.normalize(value));
        return new Env(more, clock, workDir, environment, planning);
    }

    public Env withVars(Map<String, Object> replaced) {
        return new Env(replaced, clock, workDir, environment, planning);
    }
}
