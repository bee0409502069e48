package dev.runbook.stdlib.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.model.Unknown;
import dev.runbook.spi.Args;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.testing.TestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git step types against a real repository made with the git CLI (so JGit reads what git wrote). */
class GitStepsTest {
    @TempDir
    Path dir;

    Path repo;
    TestContext context;

    @BeforeEach
    void makeRepo() throws Exception {
        repo = dir.resolve("app");
        Files.createDirectories(repo);
        git("init", "-q", "-b", "main");
        write("app.js", "v1");
        git("add", ".");
        git("commit", "-q", "-m", "first release");
        git("tag", "v1.0.0");
        write("app.js", "v2");
        git("commit", "-q", "-am", "second release");
        git("tag", "v2.0.0");
        context = new TestContext(dir);
    }

    @Test
    void headReadsCommitBranchAndSubject() throws Exception {
        StepResult r = run(new GitHeadStep(), Map.of());
        assertTrue(r.isOk(), r.message());
        assertEquals(gitOut("rev-parse", "HEAD"), r.outputs().get("commit"));
        assertEquals("main", r.outputs().get("branch"));
        assertEquals("second release", r.outputs().get("subject"));
        assertEquals(7, ((String) r.outputs().get("short")).length());
    }

    @Test
    void logAndTagsListNewestFirst() throws Exception {
        StepResult log = run(new GitLogStep(), Map.of("n", 5L));
        List<?> commits = (List<?>) log.outputs().get("commits");
        assertEquals(2, commits.size());
        assertEquals("second release", ((Map<?, ?>) commits.get(0)).get("subject"));
        assertTrue(((Map<?, ?>) commits.get(0)).get("author").toString().contains("Test"));
        StepResult tags = run(new GitTagsStep(), Map.of());
        assertEquals(List.of("v2.0.0", "v1.0.0"), tags.outputs().get("tags"));
    }

    @Test
    void checkoutUndoFailsWhenItCannotReturnToTheCommitItLeft() throws Exception {
        GitCheckoutStep step = new GitCheckoutStep();
        StepResult r = run(step, Map.of("ref", "v1.0.0"));
        assertTrue(r.isOk(), r.message());
        git("update-ref", "refs/heads/main", "v1.0.0"); // main moved while the step's change was in place
        StepResult undo = step.undo(repoArgs(step, Map.of("ref", "v1.0.0")), r.outputs(), context);
        assertFalse(undo.isOk(), "the undo proves where HEAD is: " + undo.outputs());
        assertTrue(undo.message().contains("not " + r.outputs().get("previous")), undo.message());
    }

    @Test
    void commitUndoMovesOnlyItsBranchBackByIdAndLeavesAMovedBranchAlone() throws Exception {
        GitCommitStep step = new GitCommitStep();
        String before = gitOut("rev-parse", "HEAD");
        write("app.js", "drill");
        StepResult r = run(step, Map.of("message", "drill", "add_all", true));
        assertTrue(r.isOk(), r.message());
        assertEquals(before, r.outputs().get("parent"));
        assertEquals("main", r.outputs().get("branch"));

        StepResult undo = step.undo(repoArgs(step, Map.of("message", "drill")), r.outputs(), context);
        assertTrue(undo.isOk(), undo.message());
        assertEquals(before, gitOut("rev-parse", "main"));
        assertEquals("v2", Files.readString(repo.resolve("app.js")));

        // a second undo finds main no longer at the step's commit: it leaves main alone and says so
        StepResult again = step.undo(repoArgs(step, Map.of("message", "drill")), r.outputs(), context);
        assertFalse(again.isOk());
        assertTrue(again.message().contains("no longer ends at"), again.message());
        assertEquals(before, gitOut("rev-parse", "main"));
    }

    @Test
    void statusSeesModifiedAndUntrackedFiles() throws Exception {
        assertEquals(true, run(new GitStatusStep(), Map.of()).outputs().get("clean"));
        write("app.js", "dirty");
        write("new.txt", "x");
        StepResult r = run(new GitStatusStep(), Map.of());
        assertEquals(false, r.outputs().get("clean"));
        assertEquals(List.of("M app.js", "?? new.txt"), r.outputs().get("changed"));
    }

    @Test
    void checkoutOfATagDetachesAndUndoReturnsToTheBranch() throws Exception {
        GitCheckoutStep step = new GitCheckoutStep();
        String before = gitOut("rev-parse", "HEAD");
        StepResult r = run(step, Map.of("ref", "v1.0.0"));
        assertTrue(r.isOk(), r.message());
        assertEquals(gitOut("rev-parse", "v1.0.0^{commit}"), gitOut("rev-parse", "HEAD"));
        assertEquals("v1", Files.readString(repo.resolve("app.js")));
        assertEquals(before, r.outputs().get("previous"));
        assertEquals("main", r.outputs().get("previous_branch"));
        assertEquals("", r.outputs().get("branch"));
        StepResult undo = step.undo(repoArgs(step, Map.of("ref", "v1.0.0")), r.outputs(), context);
        assertTrue(undo.isOk(), undo.message());
        assertEquals("main", gitOut("rev-parse", "--abbrev-ref", "HEAD"));
        assertEquals("v2", Files.readString(repo.resolve("app.js")));
    }

    @Test
    void checkoutRefusesADirtyTreeUnlessForced() throws Exception {
        write("app.js", "local edit");
        StepResult refused = run(new GitCheckoutStep(), Map.of("ref", "v1.0.0"));
        assertFalse(refused.isOk());
        assertTrue(refused.message().contains("uncommitted changes to M app.js"), refused.message());
        assertEquals("local edit", Files.readString(repo.resolve("app.js")));
        StepResult forced = run(new GitCheckoutStep(), Map.of("ref", "v1.0.0", "force", true));
        assertTrue(forced.isOk(), forced.message());
        assertEquals("v1", Files.readString(repo.resolve("app.js")));
    }

    @Test
    void checkoutOfAnUnknownRefFailsAndSaysWhatToCheck() throws Exception {
        StepResult r = run(new GitCheckoutStep(), Map.of("ref", "v9"));
        assertFalse(r.isOk());
        assertTrue(r.message().contains("unknown ref 'v9'"), r.message());
        StepResult notRepo = new GitHeadStep().execute(Args.of(Map.of("repo", dir.toString())), context);
        assertTrue(notRepo.message().startsWith("not a git repository"), notRepo.message());
    }

    @Test
    void tagRefusesAnExistingNameAndUndoDeletesIt() throws Exception {
        GitTagStep step = new GitTagStep();
        assertFalse(run(step, Map.of("name", "v1.0.0")).isOk());
        StepResult r = run(step, Map.of("name", "rollback-1", "ref", "v1.0.0"));
        assertTrue(r.isOk(), r.message());
        assertEquals(gitOut("rev-parse", "v1.0.0^{commit}"), gitOut("rev-parse", "rollback-1^{commit}"));
        step.undo(repoArgs(step, Map.of("name", "rollback-1")), r.outputs(), context);
        assertEquals("v1.0.0\nv2.0.0", gitOut("tag", "-l"));
    }

    @Test
    void branchWithCheckoutAndCommitThenUndoReturnsAndDeletes() throws Exception {
        GitBranchStep branch = new GitBranchStep();
        StepResult b = run(branch, Map.of("name", "rollback-test", "checkout", true));
        assertTrue(b.isOk(), b.message());
        assertEquals("rollback-test", gitOut("rev-parse", "--abbrev-ref", "HEAD"));
        write("drill.txt", "drill");
        StepResult c = run(new GitCommitStep(), Map.of("message", "drill", "add_all", true));
        assertTrue(c.isOk(), c.message());
        assertEquals(c.outputs().get("commit"), gitOut("rev-parse", "HEAD"));
        assertFalse(run(new GitCommitStep(), Map.of("message", "again")).isOk());
        StepResult undo = branch.undo(repoArgs(branch, Map.of("name", "rollback-test")), b.outputs(), context);
        assertTrue(undo.isOk(), undo.message());
        assertEquals("main", gitOut("rev-parse", "--abbrev-ref", "HEAD"));
        assertEquals("main", gitOut("branch", "--format=%(refname:short)"));
    }

    @Test
    void describeNamesTheCommandEvenWithUnknownValues() {
        GitCheckoutStep step = new GitCheckoutStep();
        Map<String, Object> values = new HashMap<>(Map.of("repo", "/srv/app", "ref", "v1.0.0"));
        assertEquals("git checkout v1.0.0 in /srv/app (refuses a dirty tree)", step.describe(args(step, values)));
        values.put("ref", new Unknown("steps.head.commit"));
        assertEquals(
                "git checkout <steps.head.commit> in /srv/app (refuses a dirty tree)",
                step.describe(args(step, values)));
    }

    private StepResult run(StepType step, Map<String, Object> given) throws Exception {
        return step.execute(repoArgs(step, given), context);
    }

    private Args repoArgs(StepType step, Map<String, Object> given) {
        Map<String, Object> values = new HashMap<>(given);
        values.put("repo", repo.toString());
        return args(step, values);
    }

    static Args args(StepType step, Map<String, Object> given) {
        Map<String, Object> values = new HashMap<>();
        for (ParamSpec p : step.params()) {
            if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            }
        }
        values.putAll(given);
        return Args.of(values);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(repo.resolve(name), text);
    }

    private void git(String... argv) throws Exception {
        gitOut(argv);
    }

    private String gitOut(String... argv) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                "git",
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "commit.gpgsign=false",
                "-c",
                "tag.gpgsign=false"));
        cmd.addAll(List.of(argv));
        Process p = new ProcessBuilder(cmd)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", argv) + ": " + out);
        }
        return out;
    }
}
