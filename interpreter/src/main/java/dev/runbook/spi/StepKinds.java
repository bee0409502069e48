package dev.runbook.spi;

import dev.runbook.model.Arg;
import dev.runbook.model.Step;
import dev.runbook.model.expr.Literal;
import java.util.Optional;
import java.util.Set;

/**
 * What the lint knows about step types beyond their effect class: which destroy state, which make backups, which
 * reload a service, which check health. Names only, so the lint needs no step type's class. Here, below the lint
 * and the plan diff, because both ask (until the step types declare these traits themselves).
 */
public final class StepKinds {
    private static final Set<String> DESTRUCTIVE =
            Set.of("git.checkout", "file.restore", "nginx.config.restore", "pm2.delete");
    private static final Set<String> BACKUP = Set.of("mongo.dump", "git.tag");
    private static final Set<String> RELOAD =
            Set.of("pm2.reload", "pm2.restart", "nginx.reload", "service.reload", "service.restart");

    private StepKinds() {}

    /** Overwrites or deletes something that a failed run cannot simply put back: also any {@code drop: true}. */
    public static boolean destructive(Step s) {
        return destructiveType(s.type()) || dropOn(s);
    }

    /** A type that destroys state whatever its arguments (plans and diffs ask by name). */
    public static boolean destructiveType(String type) {
        return DESTRUCTIVE.contains(type);
    }

    /** {@code drop} given and not literally false (an expression may well be true). */
    public static boolean dropOn(Step s) {
        Optional<Arg> drop = s.invocation().arg("drop");
        return drop.isPresent() && !(drop.get().value() instanceof Literal l && Boolean.FALSE.equals(l.value()));
    }

    public static boolean backup(Step s) {
        return s.type().endsWith(".backup") || BACKUP.contains(s.type());
    }

    public static boolean reload(Step s) {
        return RELOAD.contains(s.type());
    }

    /** An {@code http.check} (it asserts by itself), or an {@code http.get} with a verify. */
    public static boolean healthCheck(Step s) {
        return s.type().equals("http.check")
                || s.type().equals("http.get") && !s.verifies().isEmpty()
                || s.type().equals("pm2.describe") && !s.verifies().isEmpty();
    }

    /** A {@code confirm} step: a human gate of its own. */
    public static boolean confirmStep(Step s) {
        return s.type().equals("confirm");
    }
}
