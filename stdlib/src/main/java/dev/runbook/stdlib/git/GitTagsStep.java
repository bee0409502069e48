package dev.runbook.stdlib.git;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/** {@code git.tags}: the tags, newest tagged commit first (so "the previous release" is tags[1]). */
public final class GitTagsStep implements StepType {
    @Override
    public String name() {
        return "git.tags";
    }

    @Override
    public String summary() {
        return "The tag names, newest tagged commit first";
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
                OutputSpec.of("tags", Type.LIST, "tag names, newest tagged commit first (ties: name descending)"));
    }

    @Override
    public String describe(Args args) {
        return "list the tags of " + args.show("repo") + " (git tag -l)";
    }

    private record Tagged(String name, int time) {}

    @Override
    public StepResult execute(Args args, StepContext context) {
        try {
            List<Object> tags = GitRepos.withRepo(GitRepos.repoPath(args, context), git -> {
                Repository repo = git.getRepository();
                List<Tagged> found = new ArrayList<>();
                for (Ref ref : git.tagList().call()) {
                    var id = repo.resolve(ref.getName() + "^{commit}");
                    int time = id == null ? 0 : GitRepos.commit(repo, id).getCommitTime();
                    found.add(new Tagged(Repository.shortenRefName(ref.getName()), time));
                }
                found.sort(Comparator.comparingInt(Tagged::time)
                        .thenComparing(Tagged::name)
                        .reversed());
                List<Object> names = new ArrayList<>();
                found.forEach(t -> names.add(t.name()));
                return names;
            });
            return StepResult.ok(Map.of("tags", tags));
        } catch (GitRepos.GitStepFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    @Override
    public List<String> found(Map<String, Object> outputs) {
        List<?> tags = (List<?>) outputs.getOrDefault("tags", List.of());
        if (tags.isEmpty()) {
            return List.of("no tags");
        }
        List<String> newest = tags.stream().limit(8).map(String::valueOf).toList();
        return List.of("tags, newest first: " + String.join(", ", newest) + (tags.size() > 8 ? ", ..." : ""));
    }
}
