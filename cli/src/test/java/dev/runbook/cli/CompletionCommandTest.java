package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runbook completion bash|zsh}: a script made from every command, which bash loads and completes with. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void scriptCompletesEveryCommandAndItsOptions() {
        for (String shell : List.of("bash", "zsh")) {
            CliRun run = CliRun.of("completion", shell);
            assertEquals(ExitCodes.OK, run.code(), run.toString());
            assertTrue(run.out().contains("complete -F _complete_runbook"), shell + ": " + run.out());
            for (String command : List.of("check", "plan", "run", "resume", "fmt", "diff", "completion")) {
                assertTrue(run.out().contains(command), shell + " script lacks " + command);
            }
            assertTrue(run.out().contains("--approve"), "run's options are completed too");
        }
        assertTrue(CliRun.of("completion", "zsh").out().contains("bashcompinit"), "zsh loads bash completion");
    }

    @Test
    void otherShellsAreAUsageError() {
        CliRun run = CliRun.of("completion", "fish");
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("bash, zsh"), run.toString());
    }

    /** Sourced in a real bash: `runbook ch<TAB>` offers check. Skips when bash is missing (fails with CI=true). */
    @Test
    void bashCompletesACommandName() throws Exception {
        Path bash = Path.of("/bin/bash");
        if (!Files.isExecutable(bash)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("bash is missing; this test needs it");
            }
            org.junit.jupiter.api.Assumptions.abort("bash is missing; this test needs it");
        }
        Path script = dir.resolve("runbook.bash");
        Files.writeString(script, CliRun.of("completion", "bash").out());
        String probe = "source '" + script + "'; COMP_WORDS=(runbook ch); COMP_CWORD=1; COMP_LINE='runbook ch'; "
                + "COMP_POINT=${#COMP_LINE}; _complete_runbook; printf '%s\\n' \"${COMPREPLY[@]}\"";
        ProcessBuilder pb = new ProcessBuilder(bash.toString(), "-c", probe).redirectErrorStream(true);
        pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.lines().anyMatch("check"::equals), out);
    }
}
