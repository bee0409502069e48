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
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;

/** {@code git.log}: the last n commits reachable from a ref, newest first. */
public final class GitLogStep implements StepType {
    @Override
    public String name() {
        return "git.log";
    }

    @Override
    public String summary() {
        return "The last n commits from a ref (default HEAD), newest first";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                GitRepos.REPO,
                ParamSpec.optional("n", Type.INT, 10L, "how many commits"),
                ParamSpec.optional("ref", Type.STRING, "HEAD", "where to start"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(OutputSpec.of(
                "commits", Type.LIST, "maps {commit, short, subject, author, time (ISO-8601 UTC)}, newest first"));
    }

    @Override
    public String describe(Args args) {
        return "read the last " + args.show("n") + " commits from " + args.show("ref") + " in " + args.show("repo");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        int n = (int) Math.max(0, args.integer("n"));
        try {
            List<Object> commits = GitRepos.withRepo(GitRepos.repoPath(args, context), git -> {
                List<Object> out = new ArrayList<>();
                var start = GitRepos.resolve(git.getRepository(), args.string("ref"));
                for (RevCommit c : git.log().add(start).setMaxCount(n).call()) {
                    out.add(GitRepos.describe(c));
                }
                return out;
            });
            return StepResult.ok(Map.of("commits", commits));
        } catch (GitRepos.GitStepFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    @Override
    public List<String> found(Map<String, Object> outputs) {
        List<String> out = new ArrayList<>();
        for (Object c : (List<?>) outputs.getOrDefault("commits", List.of())) {
            if (out.size() == 5) {
                out.add("...");
                break;
            }
            Map<?, ?> m = (Map<?, ?>) c;
            out.add(m.get("short") + "  " + m.get("time") + "  " + m.get("subject"));
        }
        return out;
    }
}
