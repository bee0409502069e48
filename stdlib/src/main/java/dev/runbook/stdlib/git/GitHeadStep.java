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
import org.eclipse.jgit.revwalk.RevCommit;

/** {@code git.head}: the commit checked out now, and its branch. */
public final class GitHeadStep implements StepType {
    @Override
    public String name() {
        return "git.head";
    }

    @Override
    public String summary() {
        return "The commit HEAD points at: hash, short hash, branch (\"\" when detached), subject";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(GitRepos.REPO);
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("commit", Type.STRING, "full hash of HEAD"),
                OutputSpec.of("short", Type.STRING, "7-character hash"),
                OutputSpec.of("branch", Type.STRING, "the checked-out branch, \"\" when HEAD is detached"),
                OutputSpec.of("subject", Type.STRING, "first line of the commit message"));
    }

    @Override
    public String describe(Args args) {
        return "read HEAD (commit, branch, subject) of " + args.show("repo");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        try {
            return StepResult.ok(GitRepos.withRepo(GitRepos.repoPath(args, context), git -> {
                ObjectId head = git.getRepository().resolve(Constants.HEAD);
                if (head == null) {
                    throw new GitRepos.GitStepFailure("the repository has no commit yet: "
                            + git.getRepository().getWorkTree());
                }
                RevCommit c = GitRepos.commit(git.getRepository(), head);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("commit", c.name());
                out.put("short", GitRepos.shortId(c));
                out.put("branch", GitRepos.branch(git.getRepository()));
                out.put("subject", c.getShortMessage());
                return out;
            }));
        } catch (GitRepos.GitStepFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    @Override
    public List<String> found(Map<String, Object> outputs) {
        String branch = String.valueOf(outputs.getOrDefault("branch", ""));
        return List.of(outputs.get("short") + (branch.isEmpty() ? " (detached)" : " on " + branch) + "  "
                + outputs.get("subject"));
    }
}
