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
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * {@code git.commit}: records the index (or every change, with add_all) as a commit; used by the drill. Its undo
 * moves the branch it committed to back to the commit it had before, by id (never {@code HEAD~1}), and only while
 * that branch still ends at the commit this step made: a branch that moved on, or another branch, is left alone.
 */
public final class GitCommitStep implements StepType {
    @Override
    public String name() {
        return "git.commit";
    }

    @Override
    public String summary() {
        return "Commit staged changes (or all changes with add_all); fails when there is nothing to commit";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                GitRepos.REPO,
                ParamSpec.required("message", Type.STRING, "the commit message"),
                ParamSpec.optional(
                        "add_all", Type.BOOL, false, "stage every change first, untracked and deleted included"),
                ParamSpec.optional("allow_empty", Type.BOOL, false, "commit even when nothing changed"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("commit", Type.STRING, "the new commit"),
                OutputSpec.of("short", Type.STRING, "7-character hash"),
                OutputSpec.of("parent", Type.STRING, "the commit HEAD was at before (\"\" in an empty repository)"),
                OutputSpec.of("branch", Type.STRING, "the branch committed to, \"\" if HEAD was detached"));
    }

    @Override
    public String describe(Args args) {
        boolean all = args.isKnown("add_all") && args.bool("add_all");
        return (all ? "git add -A && " : "") + "git commit -m \"" + args.show("message") + "\" in " + args.show("repo");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        try {
            return StepResult.ok(GitRepos.withRepo(GitRepos.repoPath(args, context), git -> {
                if (args.bool("add_all")) {
                    git.add().addFilepattern(".").call();
                    git.add().addFilepattern(".").setUpdate(true).call();
                }
                var status = git.status().call();
                boolean staged = !status.getAdded().isEmpty()
                        || !status.getChanged().isEmpty()
                        || !status.getRemoved().isEmpty();
                if (!staged && !args.bool("allow_empty")) {
                    throw new GitRepos.GitStepFailure(
                            "nothing to commit in " + git.getRepository().getWorkTree()
                                    + (args.bool("add_all")
                                            ? ""
                                            : " (nothing staged: pass add_all: true to stage every change)"));
                }
                ObjectId parent = git.getRepository().resolve(Constants.HEAD);
                String branch = GitRepos.branch(git.getRepository());
                RevCommit c = git.commit()
                        .setMessage(args.string("message"))
                        .setAllowEmpty(true)
                        .call();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("commit", c.name());
                out.put("short", GitRepos.shortId(c));
                out.put("parent", parent == null ? "" : parent.name());
                out.put("branch", branch);
                return out;
            }));
        } catch (GitRepos.GitStepFailure e) {
            return StepResult.refused(e.getMessage()); // the commit is the last thing it does
        }
    }

    @Override
    public boolean hasUndo() {
        return true;
    }

    @Override
    public String describeUndo(Args args) {
        return "move the branch back to the commit it had before (by id), if it still ends at this step's commit";
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) {
        String commit = String.valueOf(outputs.getOrDefault("commit", ""));
        String parent = String.valueOf(outputs.getOrDefault("parent", ""));
        String branch = String.valueOf(outputs.getOrDefault("branch", ""));
        if (commit.isEmpty() || parent.isEmpty()) {
            return StepResult.failed("no commit or parent recorded: nothing this undo can safely move back");
        }
        try {
            return StepResult.ok(GitRepos.withRepo(GitRepos.repoPath(args, context), git -> {
                Repository repo = git.getRepository();
                String ref = branch.isEmpty() ? Constants.HEAD : Constants.R_HEADS + branch;
                ObjectId tip = repo.resolve(ref);
                if (tip == null || !tip.name().equals(commit)) {
                    throw new GitRepos.GitStepFailure(ref + " no longer ends at " + commit.substring(0, 7)
                            + " (it is at "
                            + (tip == null ? "nothing" : tip.name().substring(0, 7))
                            + "); left as it is: move it back by hand if needed");
                }
                boolean checkedOut = branch.isEmpty() || branch.equals(GitRepos.branch(repo));
                if (checkedOut) {
                    git.reset()
                            .setMode(ResetCommand.ResetType.HARD)
                            .setRef(parent)
                            .call();
                } else {
                    RefUpdate update = repo.updateRef(ref);
                    update.setNewObjectId(ObjectId.fromString(parent));
                    update.setExpectedOldObjectId(tip);
                    update.setForceUpdate(true);
                    update.update();
                }
                context.log("moved " + (branch.isEmpty() ? "HEAD" : branch) + " back from " + commit.substring(0, 7)
                        + " to " + parent.substring(0, 7));
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("commit", parent);
                out.put("branch", branch);
                return out;
            }));
        } catch (GitRepos.GitStepFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }
}
