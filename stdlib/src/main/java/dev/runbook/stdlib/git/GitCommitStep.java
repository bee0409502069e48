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
import org.eclipse.jgit.revwalk.RevCommit;

/** {@code git.commit}: records the index (or every change, with add_all) as a commit; used by the drill. */
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
                OutputSpec.of("short", Type.STRING, "7-character hash"));
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
                RevCommit c = git.commit()
                        .setMessage(args.string("message"))
                        .setAllowEmpty(true)
                        .call();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("commit", c.name());
                out.put("short", GitRepos.shortId(c));
                return out;
            }));
        } catch (GitRepos.GitStepFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }
}
