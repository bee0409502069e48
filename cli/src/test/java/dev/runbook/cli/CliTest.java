package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage, unreadable files and params: exit codes and the one clear message each prints. */
class CliTest {
    private static final String TINY = """
            runbook "tiny" {
              param name: string
              param count: int = 1
              param level: enum("low", "high") = "low"
              step one = exec { argv: ["echo", name, string(count), level] }
            }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void helpListsEveryExitCode() {
        CliRun run = CliRun.of("--help");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(run.out().contains("Exit codes:"), run.toString());
        for (String line : List.of(
                "0    ok",
                "1    a step or verify failed",
                "2    usage error",
                "3    invalid runbook or params",
                "4    a precondition was not met",
                "5    lock held",
                "6    failed, and the undo failed too",
                "70    internal error",
                "130   interrupted")) {
            assertTrue(run.out().contains(line), "--help should list `" + line + "`:\n" + run);
        }
        for (String command : List.of("check", "plan", "run", "steps")) {
            assertTrue(run.out().contains("  " + command + " "), "--help should list " + command + ":\n" + run);
        }
    }

    @Test
    void unknownSubcommandIsOneLineWithASuggestion() {
        CliRun run = CliRun.of("chek", "x.rb");
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertEquals(
                List.of("runbook: unknown command 'chek'; did you mean 'check'? (see runbook --help)"),
                run.errLines(),
                run.toString());
        assertEquals("", run.out());
    }

    @Test
    void unknownSubcommandWithHelpIsStillUnknown() {
        for (List<String> args : List.of(List.of("chek", "--help"), List.of("--help", "chek"), List.of("chek", "-h"))) {
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.code(), args + ": " + run);
            assertEquals(
                    List.of("runbook: unknown command 'chek'; did you mean 'check'? (see runbook --help)"),
                    run.errLines(),
                    args + ": " + run);
            assertEquals("", run.out(), args + ": the general help is not printed");
        }
    }

    @Test
    void helpOfAKnownSubcommandStillWorks() {
        CliRun run = CliRun.of("check", "--help");
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(run.out().startsWith("Usage: runbook check"), run.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("check", "--frobnicate", "x.rb");
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run.toString());
    }

    @Test
    void missingFileIsOneLineNamingIt() {
        Path missing = dir.resolve("no-such.rb");
        CliRun run = CliRun.of("check", missing.toString());
        assertEquals(ExitCodes.INVALID, run.code(), run.toString());
        assertEquals(
                List.of(missing + ": error[RB0010]: no such file: " + missing, "1 error, 0 warnings"),
                run.errLines(),
                run.toString());
    }

    @Test
    void directoryIsRefused() {
        CliRun run = CliRun.of("check", dir.toString());
        assertEquals(ExitCodes.INVALID, run.code(), run.toString());
        assertEquals(
                dir + ": error[RB0010]: " + dir + " is a directory, not a runbook file",
                run.errLines().get(0));
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        Path file = dir.resolve("latin1.rb");
        Files.write(file, new byte[] {'r', 'u', 'n', 'b', 'o', 'o', 'k', ' ', '"', (byte) 0xE9, '"', ' ', '{', '}'});
        CliRun run = CliRun.of("check", file.toString());
        assertEquals(ExitCodes.INVALID, run.code(), run.toString());
        assertEquals(
                file + ": error[RB0011]: " + file + " is not valid UTF-8",
                run.errLines().get(0));
    }

    @Test
    void paramWithoutEqualsIsAUsageError() throws IOException {
        CliRun run = CliRun.of("plan", write("t.rb", TINY).toString(), "--param", "name");
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertEquals(List.of("runbook: --param needs NAME=VALUE, got 'name'"), run.errLines());
    }

    @Test
    void unknownParamSuggestsTheClosest() throws IOException {
        CliRun run = CliRun.of("plan", write("t.rb", TINY).toString(), "--param", "nmae=x");
        assertEquals(ExitCodes.INVALID, run.code(), run.toString());
        assertTrue(run.err().contains("error[RB0301]: runbook `tiny` has no param `nmae`"), run.toString());
        assertTrue(run.err().contains("did you mean `name`?"), run.toString());
        assertEquals("", run.out(), "no plan is printed");
    }

    @Test
    void badParamValuesAreRefused() throws IOException {
        Path file = write("t.rb", TINY);
        CliRun notInt = CliRun.of("plan", file.toString(), "-p", "name=x", "-p", "count=three");
        assertEquals(ExitCodes.INVALID, notInt.code(), notInt.toString());
        assertTrue(notInt.err().contains("error[RB0302]: param `count`: 'three' is not an int"), notInt.toString());
        CliRun notChoice = CliRun.of("plan", file.toString(), "-p", "name=x", "-p", "level=medium");
        assertEquals(ExitCodes.INVALID, notChoice.code(), notChoice.toString());
        assertTrue(notChoice.err().contains("'medium' is not one of low, high"), notChoice.toString());
        assertEquals("", notInt.out() + notChoice.out());
    }

    @Test
    void requiredParamMissingPointsAtItsDeclaration() throws IOException {
        Path file = write("t.rb", TINY);
        // a preview shows it as unknown; a run needs it
        CliRun preview = CliRun.of("plan", file.toString());
        assertEquals(ExitCodes.OK, preview.code(), preview.toString());
        assertTrue(preview.out().contains("<name>  required, not given"), preview.toString());
        CliRun run = CliRun.of("run", file.toString());
        assertEquals(ExitCodes.INVALID, run.code(), run.toString());
        assertTrue(run.err().contains(file + ":2:9: error[RB0300]: param `name` is required"), run.toString());
        assertTrue(run.err().contains("give it with --param name=<string>"), run.toString());
    }

    @Test
    void paramsFileMustBeAMap() throws IOException {
        Path params = write("params.yaml", "- name\n- x\n");
        CliRun run = CliRun.of("plan", write("t.rb", TINY).toString(), "--params", params.toString());
        assertEquals(ExitCodes.INVALID, run.code(), run.toString());
        assertEquals(List.of("runbook: params file " + params + " must hold a map of name: value"), run.errLines());
    }

    @Test
    void paramsFileGivesValues() throws IOException {
        Path params = write("params.yaml", "name: from-file\ncount: 7\n");
        CliRun run = CliRun.of("plan", write("t.rb", TINY).toString(), "--params", params.toString());
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(run.out().contains("run `echo from-file 7 low`"), run.toString());
    }

    @Test
    void stepsListsTheCatalogueAndOneType() {
        CliRun all = CliRun.of("steps");
        assertEquals(ExitCodes.OK, all.code(), all.toString());
        for (String type : List.of("exec", "file.write", "http.check", "wait")) {
            assertTrue(all.out().lines().anyMatch(l -> l.startsWith(type + " ")), type + " missing:\n" + all);
        }
        CliRun one = CliRun.of("steps", "http.check");
        assertEquals(ExitCodes.OK, one.code(), one.toString());
        assertTrue(one.out().startsWith("http.check (read)"), one.toString());
        assertTrue(one.out().contains("Arguments:") && one.out().contains("Outputs:"), one.toString());
        assertTrue(one.out().lines().anyMatch(l -> l.matches("\\s+url\\s+string\\s+required\\..*")), one.toString());
        CliRun unknown = CliRun.of("steps", "no.such");
        assertEquals(ExitCodes.USAGE, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("unknown step type no.such"), unknown.toString());
    }
}
