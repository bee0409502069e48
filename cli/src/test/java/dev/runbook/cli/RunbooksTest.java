package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every runbook we ship passes `check --strict` and `fmt --check`, and converts to the other syntax and back
 * without changing its plan (`diff --exit-code` finds nothing).
 */
class RunbooksTest {
    private static final Path DIR = Path.of("..", "runbooks");

    @TempDir
    Path tmp;

    static List<Path> runbooks() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(
                            p -> p.toString().endsWith(".rb") || p.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyShippedRunbook() throws IOException {
        List<Path> all = runbooks();
        assertTrue(all.size() >= 8, "runbooks found: " + all);
        for (Path p : all) {
            Files.copy(p, tmp.resolve(p.getFileName()));
        }
        return all.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private void check(Path file) throws IOException {
        CliRun strict = CliRun.of("check", "--strict", file.toString());
        assertEquals(ExitCodes.OK, strict.code(), strict.toString());
        CliRun fmt = CliRun.of("fmt", "--check", file.toString());
        assertEquals(ExitCodes.OK, fmt.code(), "not in canonical layout (run `runbook fmt " + file + "`)\n" + fmt);
        String name = file.getFileName().toString();
        boolean yaml = name.endsWith(".yaml");
        String stem = name.substring(0, name.lastIndexOf('.'));
        Path there = tmp.resolve(stem + ".converted" + (yaml ? ".rb" : ".yaml"));
        Path back = tmp.resolve(stem + ".back" + (yaml ? ".yaml" : ".rb"));
        Path original = tmp.resolve(name);
        assertEquals(
                0,
                CliRun.of("convert", original.toString(), "--to", yaml ? "rb" : "yaml", "-o", there.toString())
                        .code());
        assertEquals(
                0,
                CliRun.of("convert", there.toString(), "--to", yaml ? "yaml" : "rb", "-o", back.toString())
                        .code());
        for (Path converted : List.of(there, back)) {
            CliRun diff = CliRun.of("diff", "--exit-code", original.toString(), converted.toString());
            assertEquals(
                    ExitCodes.OK,
                    diff.code(),
                    "converting changed the plan of " + name + ":\n" + diff + "\n--- converted:\n"
                            + Files.readString(converted));
        }
    }
}
