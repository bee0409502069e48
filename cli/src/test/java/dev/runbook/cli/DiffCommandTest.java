package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runbook diff}: risky changes named first, --exit-code, --git over a real repository. */
class DiffCommandTest {
    /** A db-restore in miniature: a backup, a restore that drops, proven by a verify. */
    private static final String RESTORE = """
            runbook "db-restore" {
              param backup: path = "/var/backups/db/latest"
              step emergency = file.backup { path: "/var/lib/db/state" }
              step restore = test.reset { from: backup, drop: false }
                confirm "Restore every collection from ${backup}?"
                verify it.restored > 0
              step put_back = file.restore { from: steps.emergency.backup, to: "/var/lib/db/state" }
                verify exists("/var/lib/db/state")
              step health = http.check { url: "http://127.0.0.1:3001/health" }
            }
            """;

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRemovedVerifyAndDropSwitchedOnAreRiskyChangesFirst() throws IOException {
        Path old = Files.writeString(dir.resolve("old.rb"), RESTORE);
        Path now = Files.writeString(
                dir.resolve("new.rb"),
                RESTORE.replace("drop: false", "drop: true")
                        .replace("    verify it.restored > 0\n", "")
                        .replace("3001", "3002"));
        Result r = run("diff", "--format", "markdown", old.toString(), now.toString());
        assertEquals(0, r.code(), r.err());
        String md = r.out();
        int risky = md.indexOf("#### ⚠️ Risky changes");
        assertTrue(risky > 0, md);
        assertTrue(md.contains("3 changes, **2 risky**"), md);
        assertTrue(md.contains("| step `restore` | **verify removed** | verify | `it.restored > 0` |  |"), md);
        assertTrue(md.contains("| step `restore` | **drop switched on** | argument `drop` | `false` | `true` |"), md);
        assertTrue(md.indexOf("#### Arguments changed") > risky, "risky changes come first:\n" + md);
    }

    @Test
    void exitCodeTellsWhetherThePlansDiffer() throws IOException {
        Path old = Files.writeString(dir.resolve("old.rb"), RESTORE);
        Path same =
                Files.writeString(dir.resolve("same.rb"), "# reformatted\n" + RESTORE.replace("  step", "\n  step"));
        Path now = Files.writeString(dir.resolve("new.rb"), RESTORE.replace("3001", "3002"));
        assertEquals(
                0, run("diff", "--exit-code", old.toString(), same.toString()).code());
        assertEquals(
                1, run("diff", "--exit-code", old.toString(), now.toString()).code());
        assertEquals(0, run("diff", old.toString(), now.toString()).code());
    }

    @Test
    void usageMistakesAndInvalidRunbooks() throws IOException {
        Path old = Files.writeString(dir.resolve("old.rb"), RESTORE);
        Path broken = Files.writeString(dir.resolve("broken.rb"), "runbook \"x\" {\n  step a = nope { }\n}\n");
        assertEquals(ExitCodes.USAGE, run("diff", old.toString()).code());
        assertEquals(
                ExitCodes.USAGE,
                run("diff", "--git", "a..b", old.toString(), old.toString()).code());
        assertEquals(
                ExitCodes.USAGE,
                run("diff", "--format", "html", old.toString(), old.toString()).code());
        Result r = run("diff", old.toString(), broken.toString());
        assertEquals(ExitCodes.INVALID, r.code());
        assertTrue(r.err().contains("RB0100"), r.err());
    }

    @Test
    void requiredParamsWithoutAValueStayUnknown() throws IOException {
        String text = "runbook \"x\" {\n  param target: string\n  step a = exec { argv: [\"echo\", target] }\n}\n";
        Path old = Files.writeString(dir.resolve("old.rb"), text);
        Path now = Files.writeString(dir.resolve("new.rb"), text.replace("\"echo\"", "\"printf\""));
        Result r = run("diff", old.toString(), now.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("argument `argv`: [\"echo\",\"<target>\"] -> [\"printf\",\"<target>\"]"), r.out());
        Result given = run("diff", "--param", "target=v1", old.toString(), now.toString());
        assertTrue(given.out().contains("[\"echo\",\"v1\"]"), given.out());
    }

    @Test
    void gitComparesEveryRunbookBetweenTwoRevisions() throws Exception {
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        git("init", "-q");
        git("config", "user.email", "t@example.com");
        git("config", "user.name", "t");
        Files.writeString(runbooks.resolve("restore.rb"), RESTORE);
        Files.writeString(runbooks.resolve("same.rb"), RESTORE.replace("db-restore", "same"));
        Files.writeString(runbooks.resolve("gone.rb"), RESTORE.replace("db-restore", "gone"));
        Files.writeString(dir.resolve("README.md"), "not a runbook\n");
        git("add", ".");
        git("commit", "-q", "-m", "one");
        Files.writeString(
                runbooks.resolve("restore.rb"),
                RESTORE.replace("    confirm \"Restore every collection " + "from ${backup}?\"\n", ""));
        Files.delete(runbooks.resolve("gone.rb"));
        Files.writeString(runbooks.resolve("new.rb"), RESTORE.replace("db-restore", "fresh"));
        git("add", "-A");
        git("commit", "-q", "-m", "two");
        Result r = run("diff", "--git", "HEAD~1..HEAD", "--dir", runbooks.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                runbook `gone` removed: HEAD~1:runbooks/gone.rb (4 steps, 3 that change something)

                runbook `fresh` added: HEAD:runbooks/new.rb (4 steps, 3 that change something)

                runbook `db-restore`: HEAD~1:runbooks/restore.rb -> HEAD:runbooks/restore.rb
                ! step `restore`: confirm: Restore every collection from /var/backups/db/latest?  [risky: confirm removed]
                1 change, 1 risky
                """, r.out());
        Result bad = run("diff", "--git", "nope..HEAD", "--dir", runbooks.toString());
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("nope"), bad.err());
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }
}
