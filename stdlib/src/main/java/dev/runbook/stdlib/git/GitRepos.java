package dev.runbook.stdlib.git;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** What the git step types share: the repo parameter, opening a repository, and a commit as outputs. */
final class GitRepos {
    static final ParamSpec REPO = ParamSpec.required("repo", Type.STRING, "the working tree of the repository");

    private GitRepos() {}

    /** A git failure the step reports (not a bug): a missing repository, an unknown ref, a dirty tree. */
    static final class GitStepFailure extends Exception {
        private final boolean changedNothing;

        GitStepFailure(String message) {
            this(message, false);
        }

        /** {@code changedNothing}: the step refused before it touched the repository. */
        GitStepFailure(String message, boolean changedNothing) {
            super(message);
            this.changedNothing = changedNothing;
        }

        StepResult result() {
            return changedNothing ? StepResult.refused(getMessage()) : StepResult.failed(getMessage());
        }
    }

    /** The work a git step does with an open repository. */
    interface GitWork<T> {
        T run(Git git) throws IOException, GitAPIException, GitStepFailure;
    }

    static Path repoPath(Args args, StepContext context) {
        return context.resolve(args.string("repo"));
    }

    static <T> T withRepo(Path dir, GitWork<T> work) throws GitStepFailure {
        try (Git git = Git.open(dir.toFile())) {
            return work.run(git);
        } catch (RepositoryNotFoundException e) {
            throw new GitStepFailure("not a git repository: " + dir + " (check the repo path)", true);
        } catch (IOException | GitAPIException e) {
            throw new GitStepFailure("git failed in " + dir + ": " + e.getMessage());
        }
    }

    static ObjectId resolve(Repository repo, String ref) throws IOException, GitStepFailure {
        ObjectId id = repo.resolve(ref + "^{commit}");
        if (id == null) {
            throw new GitStepFailure(
                    "unknown ref '" + ref + "' in " + repo.getWorkTree()
                            + " (check `git tag -l` and `git branch -a`; fetch first if it is remote)",
                    true);
        }
        return id;
    }

    static RevCommit commit(Repository repo, ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(id);
        }
    }

    /** The current branch, or "" when HEAD is detached. */
    static String branch(Repository repo) throws IOException {
        String full = repo.getFullBranch();
        return full != null && full.startsWith("refs/heads/") ? Repository.shortenRefName(full) : "";
    }

    static String shortId(ObjectId id) {
        return id.name().substring(0, 7);
    }

    static Map<String, Object> describe(RevCommit c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("commit", c.name());
        out.put("short", shortId(c));
        out.put("subject", c.getShortMessage());
        out.put(
                "author",
                c.getAuthorIdent().getName() + " <" + c.getAuthorIdent().getEmailAddress() + ">");
        out.put("time", Instant.ofEpochSecond(c.getCommitTime()).toString());
        return out;
    }
}
