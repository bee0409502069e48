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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;

/** {@code git.tag}: marks a commit (default HEAD) with a new tag; undo deletes it. */
public final class GitTagStep implements StepType {
    @Override
    public String name() {
        return "git.tag";
    }

    @Override
    public String summary() {
        return "Create a tag at a ref (default HEAD); fails if the tag exists; undo deletes it";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.BACKUP);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                GitRepos.REPO,
                ParamSpec.required("name", Type.STRING, "the tag name"),
                ParamSpec.optional("ref", Type.STRING, "HEAD", "what to tag"),
                ParamSpec.optional("message", Type.STRING, null, "makes an annotated tag with this message"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("tag", Type.STRING, "the tag name"),
                OutputSpec.of("commit", Type.STRING, "the tagged commit"));
    }

    @Override
    public String describe(Args args) {
        return "git tag " + args.show("name") + " " + args.show("ref") + " in " + args.show("repo")
                + " (fails if the tag exists)";
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        String name = args.string("name");
        try {
            return StepResult.ok(GitRepos.withRepo(GitRepos.repoPath(args, context), git -> {
                if (git.getRepository().exactRef(Constants.R_TAGS + name) != null) {
                    throw new GitRepos.GitStepFailure("tag " + name + " already exists in "
                            + git.getRepository().getWorkTree() + " (pick another name, or delete it first)");
                }
                ObjectId id = GitRepos.resolve(git.getRepository(), args.string("ref"));
                RevCommit commit = GitRepos.commit(git.getRepository(), id);
                var tag = git.tag().setName(name).setObjectId(commit);
                if (args.has("message")) {
                    tag.setAnnotated(true).setMessage(args.string("message"));
                } else {
                    tag.setAnnotated(false);
                }
                tag.call();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("tag", name);
                out.put("commit", commit.name());
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
        return "git tag -d " + args.show("name") + " in " + args.show("repo");
    }

    @Override
    public StepResult undo(Args args, Map<String, Object> outputs, StepContext context) {
        String name = String.valueOf(outputs.get("tag"));
        try {
            return StepResult.ok(GitRepos.withRepo(GitRepos.repoPath(args, context), git -> {
                Ref ref = git.getRepository().exactRef(Constants.R_TAGS + name);
                if (ref == null) {
                    return Map.of("deleted", false);
                }
                git.tagDelete().setTags(name).call();
                return Map.of("deleted", true);
            }));
        } catch (GitRepos.GitStepFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }
}
