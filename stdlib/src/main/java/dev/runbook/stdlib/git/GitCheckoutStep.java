package dev.runbook.stdlib.git;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code git.checkout}: moves the working tree to a commit, tag or branch; undo goes back. */
public final class GitCheckoutStep implements StepType {
    @Override
    public String name() {
        return "git.checkout";
    }

    @Override
    public String summary() {
        return "Check out a commit, tag or branch; refuses uncommitted changes unless force";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.DESTRUCTIVE);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                GitRepos.REPO,
                ParamSpec.required("ref", Type.STRING, "commit hash, tag or branch (a local branch stays attached)"),
                ParamSpec.optional("force", Type.BOOL, false, "discard uncommitted changes to tracked files first"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("previous", Type.STRING, "the commit HEAD was at before"),
                OutputSpec.of("previous_branch", Type.STRING, "the branch checked out before, \"\" if detached"),
                OutputSpec.of("commit", Type.STRING, "the commit HEAD is at now"),
                OutputSpec.of("branch", Type.STRING, "the branch checked out now, \"\" if detached"));
    }

    @Override
    public String describe(Args args) {
        String guard = args.isKnown("force") && args.bool("force")
                ? " (discards uncommitted changes: force)"
                : " (refuses a dirty tree)";
        return "git checkout " + args.show("ref") + " in " + args.show("repo") + guard;
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        try {
            Map<String, Object> out = GitRepos.withRepo(
                    GitRepos.repoPath(args, context),
                    git -> Checkouts.checkout(git, args.string("ref"), args.bool("force")));
            context.log("checked out " + args.string("ref") + " at " + out.get("commit") + " (was "
                    + out.get("previous") + ")");
            return StepResult.ok(out);
        } catch (GitRepos.GitStepFailure e) {
            return e.result();
        }
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return "git checkout the previous branch (or commit) in " + args.show("repo") + " (refuses a dirty tree)";
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) {
        try {
            String previous = (String) outputs.get("previous");
            Map<String, Object> out = GitRepos.withRepo(
                    GitRepos.repoPath(args, context),
                    git -> Checkouts.returnTo(git, (String) outputs.get("previous_branch"), previous));
            // the undo proves itself: HEAD is at the commit it was at before the step
            if (previous != null && !previous.isEmpty() && !previous.equals(out.get("commit"))) {
                return StepResult.failed("checked out " + outputs.get("previous_branch") + " again, but HEAD is at "
                        + out.get("commit") + ", not " + previous + " as before the step (the branch moved since)");
            }
            return StepResult.ok(out);
        } catch (GitRepos.GitStepFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }
}
