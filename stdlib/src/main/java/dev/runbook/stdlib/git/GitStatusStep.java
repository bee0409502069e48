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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Status;

/** {@code git.status}: whether the working tree is clean, and what changed. */
public final class GitStatusStep implements StepType {
    @Override
    public String name() {
        return "git.status";
    }

    @Override
    public String summary() {
        return "Whether the working tree is clean, and the changed paths (like git status --porcelain)";
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
                OutputSpec.of("clean", Type.BOOL, "no uncommitted change to a tracked file and no untracked file"),
                OutputSpec.of("changed", Type.LIST, "\"M path\", \"A path\", \"D path\", \"?? path\", sorted by path"));
    }

    @Override
    public String describe(Args args) {
        return "read the working-tree status of " + args.show("repo");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        try {
            return StepResult.ok(GitRepos.withRepo(GitRepos.repoPath(args, context), git -> {
                Status status = git.status().call();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("clean", status.isClean());
                out.put("changed", changes(status));
                return out;
            }));
        } catch (GitRepos.GitStepFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    static List<Object> changes(Status status) {
        Map<String, String> byPath = new LinkedHashMap<>();
        mark(byPath, "??", status.getUntracked());
        mark(byPath, "D", status.getMissing());
        mark(byPath, "D", status.getRemoved());
        mark(byPath, "A", status.getAdded());
        mark(byPath, "M", status.getModified());
        mark(byPath, "M", status.getChanged());
        mark(byPath, "U", status.getConflicting());
        List<Object> out = new ArrayList<>();
        new TreeSet<>(byPath.keySet()).forEach(p -> out.add(byPath.get(p) + " " + p));
        return out;
    }

    private static void mark(Map<String, String> byPath, String code, Set<String> paths) {
        paths.forEach(p -> byPath.put(p, code));
    }
}
