package dev.runbook.stdlib.git;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/** Moving HEAD to a branch or a commit, the way git.checkout, git.branch and their undos need it. */
final class Checkouts {
    private Checkouts() {}

    /**
     * Checks out {@code ref}: a local branch stays attached, anything else (tag, commit, remote branch) detaches
     * HEAD. Refuses uncommitted changes to tracked files unless {@code force}, which discards them first; untracked
     * files are kept, as git keeps them. Returns {previous, previous_branch, commit, branch}.
     */
    static Map<String, Object> checkout(Git git, String ref, boolean force)
            throws IOException, GitAPIException, GitRepos.GitStepFailure {
        Repository repo = git.getRepository();
        ObjectId previous = repo.resolve(Constants.HEAD);
        String previousBranch = GitRepos.branch(repo);
        ObjectId target = GitRepos.resolve(repo, ref);
        if (!force) {
            refuseDirty(git, ref);
        } else {
            git.reset().setMode(ResetCommand.ResetType.HARD).call();
        }
        Ref local = repo.exactRef(Constants.R_HEADS + ref);
        if (local != null) {
            git.checkout().setName(ref).call();
        } else {
            git.checkout().setName(target.name()).call();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("previous", previous == null ? "" : previous.name());
        out.put("previous_branch", previousBranch);
        out.put("commit", repo.resolve(Constants.HEAD).name());
        out.put("branch", GitRepos.branch(repo));
        return out;
    }

    /** Back to where an earlier checkout started: the branch if there was one, else the commit. */
    static Map<String, Object> returnTo(Git git, String previousBranch, String previousCommit)
            throws IOException, GitAPIException, GitRepos.GitStepFailure {
        String ref = previousBranch == null || previousBranch.isEmpty() ? previousCommit : previousBranch;
        return checkout(git, ref, false);
    }

    static void refuseDirty(Git git, String ref) throws GitAPIException, GitRepos.GitStepFailure {
        Status status = git.status().call();
        if (status.hasUncommittedChanges()) {
            throw new GitRepos.GitStepFailure(
                    "refusing to check out " + ref + " in "
                            + git.getRepository().getWorkTree() + ": uncommitted changes to "
                            + String.join(
                                    ", ",
                                    GitStatusStep.changes(status).stream()
                                            .map(String::valueOf)
                                            .filter(s -> !s.startsWith("??"))
                                            .toList())
                            + " (commit or stash them, or pass force: true to discard them)",
                    true);
        }
    }
}
