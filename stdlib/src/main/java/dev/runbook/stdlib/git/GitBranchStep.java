package dev.runbook.stdlib.git;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/** {@code git.branch}: creates a branch, optionally checks it out; undo returns and deletes it. */
public final class GitBranchStep implements StepType {
    @Override
    public String name() {
        return "git.branch";
    }

    @Override
    public String summary() {
        return "Create a branch at a ref (default HEAD), optionally check it out; undo returns and deletes it";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                GitRepos.REPO,
                ParamSpec.required("name", Type.STRING, "the new branch"),
                ParamSpec.optional("ref", Type.STRING, "HEAD", "where the branch starts"),
                ParamSpec.optional("checkout", Type.BOOL, false, "check the new branch out (refuses a dirty tree)"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("branch", Type.STRING, "the new branch"),
                OutputSpec.of("commit", Type.STRING, "the commit it points at"),
                OutputSpec.of("previous", Type.STRING, "HEAD's commit before"),
                OutputSpec.of("previous_branch", Type.STRING, "the branch checked out before, \"\" if detached"));
    }

    @Override
    public String describe(Args args) {
        boolean checkout = args.isKnown("checkout") && args.bool("checkout");
        return (checkout ? "git checkout -b " : "git branch ") + args.show("name") + " " + args.show("ref") + " in "
                + args.show("repo") + (checkout ? " (refuses a dirty tree)" : "");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        String name = args.string("name");
        try {
            return StepResult.ok(GitRepos.withRepo(GitRepos.repoPath(args, context), git -> {
                var repo = git.getRepository();
                if (repo.exactRef(Constants.R_HEADS + name) != null) {
                    throw new GitRepos.GitStepFailure("branch " + name + " already exists in " + repo.getWorkTree());
                }
                ObjectId start = GitRepos.resolve(repo, args.string("ref"));
                if (args.bool("checkout")) {
                    Checkouts.refuseDirty(git, name);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("branch", name);
                out.put("commit", start.name());
                ObjectId head = repo.resolve(Constants.HEAD);
                out.put("previous", head == null ? "" : head.name());
                out.put("previous_branch", GitRepos.branch(repo));
                git.branchCreate().setName(name).setStartPoint(start.name()).call();
                if (args.bool("checkout")) {
                    git.checkout().setName(name).call();
                }
                return out;
            }));
        } catch (GitRepos.GitStepFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return "return to the previous branch (if checked out) and git branch -D " + args.show("name") + " in "
                + args.show("repo");
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) {
        String name = String.valueOf(outputs.get("branch"));
        try {
            return StepResult.ok(GitRepos.withRepo(GitRepos.repoPath(args, context), git -> {
                if (name.equals(GitRepos.branch(git.getRepository()))) {
                    Checkouts.returnTo(git, (String) outputs.get("previous_branch"), (String) outputs.get("previous"));
                }
                git.branchDelete().setBranchNames(name).setForce(true).call();
                return Map.of("deleted", name);
            }));
        } catch (GitRepos.GitStepFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }
}
