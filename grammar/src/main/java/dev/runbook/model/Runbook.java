package dev.runbook.model;

import dev.runbook.model.expr.Expr;
import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One runbook, the same whether it was written in the DSL or in YAML. {@code items} run in order (a parallel
 * block runs its steps together); {@code finallySteps} always run; {@code onFailureSteps} run after a failed
 * run's undo; {@code verifies} prove the outcome at the end; {@code invariants} say what a failed run's undo must
 * leave as it was ({@code runbook drill} checks them).
 */
public record Runbook(
        String name,
        Span nameSpan,
        String description,
        List<Param> params,
        Expr lock,
        List<Guard> requires,
        List<Item> items,
        List<Step> finallySteps,
        List<Step> onFailureSteps,
        List<Verify> verifies,
        List<Invariant> invariants,
        SourceFile source,
        Span span) {
    public Runbook {
        params = List.copyOf(params);
        requires = List.copyOf(requires);
        items = List.copyOf(items);
        finallySteps = List.copyOf(finallySteps);
        onFailureSteps = List.copyOf(onFailureSteps);
        verifies = List.copyOf(verifies);
        invariants = List.copyOf(invariants);
    }

    /** The main steps in file order, parallel blocks and host blocks flattened. */
    public List<Step> steps() {
        List<Step> out = new ArrayList<>();
        for (Item item : items) {
            if (item instanceof Step s) {
                out.add(s);
            } else if (item instanceof Parallel p) {
                out.addAll(p.steps());
            } else if (item instanceof HostBlock h) {
                out.addAll(h.steps());
            }
        }
        return out;
    }

    /** The blocks that run on hosts, in file order. */
    public List<HostBlock> hostBlocks() {
        return items.stream()
                .filter(HostBlock.class::isInstance)
                .map(HostBlock.class::cast)
                .toList();
    }

    /** The host block a main step belongs to, if any. */
    public Optional<HostBlock> hostBlockOf(String stepId) {
        return hostBlocks().stream()
                .filter(h -> h.steps().stream().anyMatch(s -> s.id().equals(stepId)))
                .findFirst();
    }

    /** Every step: main, finally and on-failure. */
    public List<Step> allSteps() {
        List<Step> out = steps();
        out.addAll(finallySteps);
        out.addAll(onFailureSteps);
        return out;
    }

    /** How many steps, said the same way by every command: "13 steps, 2 finally, 2 on failure". */
    public String stepCounts() {
        return stepCounts(steps().size(), finallySteps.size(), onFailureSteps.size());
    }

    public static String stepCounts(int main, int inFinally, int onFailure) {
        return main
                + (main == 1 ? " step" : " steps")
                + (inFinally == 0 ? "" : ", " + inFinally + " finally")
                + (onFailure == 0 ? "" : ", " + onFailure + " on failure");
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Step> step(String id) {
        return allSteps().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
