package dev.runbook.spi;

import dev.runbook.model.Arg;
import dev.runbook.model.Step;
import dev.runbook.model.expr.Literal;
import java.util.Optional;

/**
 * The traits of the step types of steps, as the step types declare them ({@link StepType#traits()}), for the lint,
 * the plan diff and the engine; plus the one trait that depends on a step's arguments ({@code drop: true}).
 */
public final class StepKinds {
    private final StepRegistry registry;

    public StepKinds(StepRegistry registry) {
        this.registry = registry;
    }

    /** Whether the named type declares {@code trait}; unknown types and calls declare none. */
    public boolean is(String type, Trait trait) {
        return registry.find(type).map(t -> t.traits().contains(trait)).orElse(false);
    }

    /** Overwrites or deletes something that a failed run cannot simply put back: also any {@code drop: true}. */
    public boolean destructive(Step s) {
        return is(s.type(), Trait.DESTRUCTIVE) || dropOn(s);
    }

    /** {@code drop} given and not literally false (an expression may well be true). */
    public static boolean dropOn(Step s) {
        Optional<Arg> drop = s.invocation().arg("drop");
        return drop.isPresent() && !(drop.get().value() instanceof Literal l && Boolean.FALSE.equals(l.value()));
    }

    public boolean backup(Step s) {
        return is(s.type(), Trait.BACKUP);
    }

    public boolean reload(Step s) {
        return is(s.type(), Trait.RELOAD);
    }

    /** A type that checks health by itself, or one that reads a service's state and verifies it. */
    public boolean healthCheck(Step s) {
        return is(s.type(), Trait.HEALTH_CHECK)
                || is(s.type(), Trait.HEALTH_PROBE) && !s.verifies().isEmpty();
    }

    /** A step that asks the operator: a {@code confirm} clause, or a step type that is a gate of its own. */
    public boolean gate(Step s) {
        return s.confirm() != null || is(s.type(), Trait.CONFIRM);
    }

    /** A step type that is a human gate of its own. */
    public boolean confirmStep(Step s) {
        return is(s.type(), Trait.CONFIRM);
    }
}
