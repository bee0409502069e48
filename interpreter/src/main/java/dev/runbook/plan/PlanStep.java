package dev.runbook.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step as a plan shows it: what it will do ({@code describe}), its arguments as far as they are known
 * (secrets masked, unknown values as {@code <expression>}), its guards, verify, undo and chain.
 * {@code probe} holds what a read step found when the plan was made with --probe (null otherwise); {@code skipped}
 * says why the step will not run when its {@code when}/{@code unless} is decided by known values (null otherwise).
 */
public record PlanStep(
        String id,
        String type,
        String effect,
        List<String> needs,
        int wave,
        String describe,
        Map<String, Object> args,
        String when,
        String unless,
        List<String> requires,
        List<String> verifies,
        String retry,
        String timeout,
        String confirm,
        String undo,
        String onFailure,
        String call,
        Map<String, Object> probe,
        List<PlanStep> steps,
        String skipped) {
    public PlanStep {
        steps = List.copyOf(steps);
        needs = List.copyOf(needs);
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        requires = List.copyOf(requires);
        verifies = List.copyOf(verifies);
    }

    public PlanStep withProbe(Map<String, Object> found) {
        return new PlanStep(
                id, type, effect, needs, wave, describe, args, when, unless, requires, verifies, retry, timeout,
                confirm, undo, onFailure, call, found, steps, skipped);
    }

    /** This step as part of a called runbook: its id, its needs and its own inner steps under {@code prefix}. */
    public PlanStep under(String prefix) {
        List<String> prefixed = needs.stream().map(n -> prefix + n).toList();
        List<PlanStep> inner = steps.stream().map(s -> s.under(prefix)).toList();
        return new PlanStep(
                prefix + id,
                type,
                effect,
                prefixed,
                wave,
                describe,
                args,
                when,
                unless,
                requires,
                verifies,
                retry,
                timeout,
                confirm,
                undo,
                onFailure,
                call,
                probe,
                inner,
                skipped);
    }

    public boolean destructive() {
        return !"read".equals(effect);
    }
}
