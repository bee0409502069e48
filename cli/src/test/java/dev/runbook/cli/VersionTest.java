package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code runbook --version}: the version, the commit (or "unknown"), the Java. */
class VersionTest {
    @Test
    void versionNamesTheBuildAndTheJava() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.toString());
        // the build wrote version.properties; the commit is 12 hex digits in a clone, "unknown" without git
        assertTrue(
                lines.get(0).matches("runbook \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{12}|unknown)\\)"),
                run.toString());
        assertTrue(lines.get(1).startsWith("Java " + System.getProperty("java.version") + " ("), run.toString());
    }

    @Test
    void aCommitTheBuildCouldNotFindIsUnknown() {
        assertEquals("runbook 1.2.3 (commit unknown)", VersionInfo.lines("1.2.3", "")[0]);
        assertEquals("runbook 1.2.3 (commit unknown)", VersionInfo.lines("1.2.3", null)[0]);
        assertEquals("runbook unknown (commit unknown)", VersionInfo.lines("${project.version}", "${git.commit}")[0]);
        assertEquals("runbook 1.2.3 (commit 0123456789ab)", VersionInfo.lines("1.2.3", " 0123456789ab\n")[0]);
    }
}
