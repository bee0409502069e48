package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runbook drill} against real git repositories, each made fresh by a shell sandbox script: a runbook whose
 * undos are right passes; copies broken on purpose (an undo that does nothing, an undo that checks out the wrong
 * commit) fail, naming the step and the invariant that differs; without a sandbox an unmarked host is refused.
 */
class DrillCommandTest {
    private static final Path DIR = Path.of("src/test/resources/drill");

    @TempDir
    Path tmp;

    private Path sandbox;
    private Path state;

    @BeforeEach
    void copyFixtures() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path p : files.toList()) {
                Files.copy(p, tmp.resolve(p.getFileName()));
            }
        }
        sandbox = tmp.resolve("git-sandbox.sh");
        Files.setPosixFilePermissions(sandbox, PosixFilePermissions.fromString("rwxr-xr-x"));
        state = tmp.resolve("state");
    }

    private CliRun drill(String runbook, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "drill",
                tmp.resolve(runbook).toString(),
                "--sandbox",
                sandbox.toString(),
                "--state-dir",
                state.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void everyWriteStepOfASoundRunbookIsUndoneAndRestoresTheInvariants() throws IOException {
        CliRun run = drill("git-drill.rb");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        for (String step : List.of("snapshot", "checkout", "marker")) {
            assertTrue(
                    run.out().lines().anyMatch(l -> l.startsWith(step + " ") && l.contains("undo restored everything")),
                    step + "\n" + run);
        }
        assertTrue(run.out().contains("baseline"), run.out());
        // the baseline shows that the invariants see what the runbook changes
        assertTrue(run.out().contains("changed (as it should): head.commit"), run.out());
        assertTrue(run.out().contains("drill passed: every one of 3 cases"), run.out());
        // the injected failure is journalled as such
        String journals = journalsOf("checkout");
        assertTrue(journals.contains("\"injected\":true"), journals);
        assertTrue(journals.contains(dev.runbook.engine.Injection.MESSAGE), journals);
    }

    @Test
    void anUndoThatChecksOutTheWrongCommitFailsTheDrillNamingTheStepAndTheField() {
        CliRun run = drill("git-drill-wrong-undo.rb", "--only", "checkout");
        assertEquals(ExitCodes.FAILED, run.code(), run.toString());
        String line = run.out()
                .lines()
                .filter(l -> l.startsWith("checkout "))
                .findFirst()
                .orElseThrow();
        assertTrue(line.contains("left a difference"), run.out());
        assertTrue(run.out().contains("- head.commit: \""), run.out());
        assertTrue(run.out().contains("- head.branch: \"main\" before, \"\" after the undo"), run.out());
        assertTrue(run.out().contains("drill failed: 1 of 2 runs did not restore everything (checkout)"), run.out());
    }

    @Test
    void anUndoThatDoesNothingLeavesTheFileItWroteAndTheJsonReportSaysSo() {
        CliRun run = drill("git-drill-no-undo.rb", "--only", "marker", "--format", "json");
        assertEquals(ExitCodes.FAILED, run.code(), run.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) Json.parse(run.out());
        assertEquals(false, report.get("passed"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) report.get("cases");
        assertEquals(2, cases.size(), run.out());
        Map<String, Object> marker = cases.get(1);
        assertEquals("marker", marker.get("step"));
        assertEquals("difference", marker.get("outcome"));
        assertEquals(
                List.of(Map.of("invariant", "marker", "field", "exists", "before", "false", "after", "true")),
                marker.get("differences"));
    }

    @Test
    void markdownIsATableForAPullRequest() {
        CliRun run = drill("git-drill-wrong-undo.rb", "--only", "checkout", "--format", "markdown");
        assertEquals(ExitCodes.FAILED, run.code(), run.toString());
        assertTrue(run.out().contains("| step | type | outcome | what differs |"), run.out());
        assertTrue(
                run.out().contains("| `checkout` | `git.checkout` | ❌ left a difference | head.commit: "), run.out());
    }

    @Test
    void withoutASandboxAHostThatIsNotADrillTargetIsRefusedAndNothingRuns() throws Exception {
        Path repo = tmp.resolve("prod");
        Files.createDirectories(repo);
        Map<String, Object> params = sandboxParams(repo);
        CliRun run = CliRun.of(
                "drill",
                tmp.resolve("git-drill.rb").toString(),
                "-p",
                "repo=" + params.get("repo"),
                "-p",
                "target=v1",
                "--state-dir",
                state.toString());
        assertEquals(ExitCodes.REFUSED, run.code(), run.toString());
        assertTrue(run.err().contains("not marked as a drill target; nothing ran"), run.err());
        assertFalse(Files.exists(state), "no run was journalled");
        Path repoDir = Path.of(params.get("repo").toString());
        assertFalse(Files.exists(repoDir.resolve("ROLLED_BACK")), "nothing was written");

        CliRun marked = CliRun.of(
                "drill",
                tmp.resolve("git-drill.rb").toString(),
                "-p",
                "repo=" + repoDir,
                "-p",
                "target=v1",
                "-p",
                "drill_target=true",
                "--only",
                "marker",
                "--state-dir",
                state.toString());
        assertEquals(ExitCodes.OK, marked.code(), marked.toString());
    }

    @Test
    void partWayAShellStepFailsAfterItsProcessRanAndAnUndoThatNeedsItsOutputCannotRun() throws IOException {
        CliRun run = drill("shell-drill.rb", "--part-way");
        assertEquals(ExitCodes.FAILED, run.code(), run.toString());
        assertCase(run, "marker ", "undo restored everything");
        assertCase(run, "marker (part-way) ", "undo restored everything");
        assertCase(run, "scratch ", "undo restored everything");
        assertCase(run, "scratch (part-way) ", "undo failed");
        assertTrue(run.out().contains("undo failed for scratch"), run.out());
        assertTrue(
                run.out().contains("drill failed: 1 of 5 runs did not restore everything (scratch (part-way))"),
                run.out());
        String journals = journalsOf("scratch-part-way");
        assertTrue(
                journals.contains("\"injected_at\":\"part-way: after the process ran, before its result is read\""),
                journals);
        assertTrue(journalsOf("scratch").contains("\"injected_at\":\"after its work\""));
    }

    private static void assertCase(CliRun run, String prefix, String outcome) {
        assertTrue(
                run.out().lines().anyMatch(l -> l.startsWith(prefix) && l.contains(outcome)),
                prefix + "should read `" + outcome + "`:\n" + run);
    }

    @Test
    void anOnlyThatNamesAReadStepOrNothingIsAUsageError() {
        CliRun run = drill("git-drill.rb", "--only", "nosuch");
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(
                run.err()
                        .contains(
                                "--only nosuch: no such step; steps that change something: snapshot, checkout, marker"),
                run.err());
    }

    /** The sandbox script run by hand, as the drill runs it: its params for a repository in {@code dir}. */
    private Map<String, Object> sandboxParams(Path dir) throws Exception {
        Process p = new ProcessBuilder(sandbox.toString(), "create", dir.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        out.lines()
                .filter(l -> l.contains("="))
                .forEach(l -> params.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return params;
    }

    private String journalsOf(String step) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(state.resolve("runs"))) {
            for (Path p : walk.filter(
                            f -> f.getParent().getFileName().toString().endsWith("-drill-" + step)
                                    && f.getFileName().toString().endsWith(".jsonl"))
                    .toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }
}
