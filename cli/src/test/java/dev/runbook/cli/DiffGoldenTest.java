package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code diff/<case>/old.rb} and {@code new.rb}: {@code runbook diff} must print {@code expected.txt} and, with
 * {@code --format markdown}, {@code expected.md}. A missing expected file is written to the source tree (review it)
 * and the test fails.
 */
class DiffGoldenTest {
    private static final Path SOURCE = Path.of("src/test/resources/dev/runbook/cli/diff");

    @TestFactory
    Stream<DynamicTest> goldenDiffs() throws IOException, URISyntaxException {
        Path folder = Path.of(DiffGoldenTest.class.getResource("diff").toURI());
        List<Path> cases;
        try (Stream<Path> listing = Files.list(folder)) {
            cases = listing.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 15, "at least 15 kinds of change: " + cases.size());
        return cases.stream()
                .flatMap(c -> Stream.of(
                        DynamicTest.dynamicTest(c.getFileName() + " (text)", () -> check(c, "text", "expected.txt")),
                        DynamicTest.dynamicTest(
                                c.getFileName() + " (markdown)", () -> check(c, "markdown", "expected.md"))));
    }

    private static void check(Path dir, String format, String expectedName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "diff",
                "--format",
                format,
                dir.resolve("old.rb").toString(),
                dir.resolve("new.rb").toString());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, code);
        String actual = out.toString(StandardCharsets.UTF_8).replace(dir + "/", "");
        Path expected = dir.resolve(expectedName);
        if (!Files.exists(expected)) {
            Files.writeString(SOURCE.resolve(dir.getFileName().toString()).resolve(expectedName), actual);
            throw new AssertionError("wrote " + expectedName + " for " + dir.getFileName() + "; review it:\n" + actual);
        }
        assertEquals(Files.readString(expected), actual);
    }
}
