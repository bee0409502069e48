package dev.runbook.check.lint;

import dev.runbook.check.CheckContext;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Step;
import dev.runbook.spi.StepKinds;
import dev.runbook.spi.StepType;
import java.util.Set;

/** RB0600 (warning): a destructive step with no backup before it and no undo (its own or the type's default). */
public final class DestructiveWithoutBackupRule implements LintRule {
    @Override
    public String code() {
        return "RB0600";
    }

    @Override
    public String name() {
        return "destructive-without-backup";
    }

    @Override
    public String help() {
        return "A destructive step (git.checkout, file.restore, nginx.config.restore, pm2.delete, drop: true) "
                + "needs a way back: a backup step before it (*.backup, mongo.dump, git.tag) or an undo.";
    }

    @Override
    public void check(CheckContext context) {
        StepKinds kinds = new StepKinds(context.registry());
        StepOrder order = StepOrder.of(context);
        if (order == null) {
            return;
        }
        Set<String> backedUp = order.withEarlier(kinds::backup);
        for (Step s : context.runbook().allSteps()) {
            if (!kinds.destructive(s)
                    || backedUp.contains(s.id())
                    || s.undo() != null
                    || context.type(s.type()).map(StepType::hasUndo).orElse(true)) {
                continue;
            }
            context.diagnostics()
                    .add(Diagnostic.warning(
                                    code(),
                                    s.idSpan(),
                                    "step `" + s.id() + "` (" + s.type()
                                            + ") destroys state, with no backup before it and no undo")
                            .withHint(
                                    "add a backup step before it (file.backup, nginx.config.backup, mongo.dump, git.tag) "
                                            + "or an `undo`"));
        }
    }
}
