package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runbooks (DSL or YAML) with their expected diagnostics in comments, checked through the CLI:
 * {@code # expect-error: RB0203 4:9}, {@code # expect-warning: RB0500 2:9}, and {@code # expect-output: TEXT}
 * (the output contains TEXT). The diagnostics printed must be exactly those expected, and the exit code 3 when
 * an error is expected, else 0.
 */
class GoldenCheckTest {
    static final Path DIR = Path.of("src/test/resources/golden/check");
    private static final Pattern EXPECT =
            Pattern.compile("#\\s*expect-(error|warning):\\s*(RB\\d{4})\\s+(\\d+):(\\d+)");
    private static final Pattern EXPECT_OUTPUT = Pattern.compile("#\\s*expect-output:\\s*(.+)$");
    private static final Pattern PRINTED = Pattern.compile("^(.+?):(\\d+):(\\d+): (error|warning)\\[(RB\\d{4})]: ");

    @TestFactory
    Stream<DynamicTest> goldenRunbooks() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DIR)) {
            files = walk.filter(
                            p -> p.toString().endsWith(".rb") || p.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 40, "expected at least 40 golden runbooks in " + DIR + ", found " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(DIR.relativize(f).toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        String source = Files.readString(file);
        Set<String> expected = expectations(source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "check",
                file.toString());
        String output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);

        Set<String> printed = printed(file, output);
        if (expected.stream().noneMatch(e -> e.contains(" RB06"))) {
            printed.removeIf(p -> p.startsWith("warning RB06"));
        }
        assertEquals(
                expected,
                printed,
                "diagnostics of " + file + " (safety lint warnings RB06xx only when the file"
                        + " expects one; they have their own golden tests); output:\n" + output);
        boolean errors = expected.stream().anyMatch(e -> e.startsWith("error"));
        assertEquals(errors ? ExitCodes.INVALID : ExitCodes.OK, code, "exit code; output:\n" + output);
        assertFalse(
                output.contains("at dev.runbook") || output.contains("Exception"),
                "a Java stack trace or exception in:\n" + output);
        for (String text : expectedOutput(source)) {
            assertTrue(output.contains(text), "output should contain `" + text + "`:\n" + output);
        }
    }

    /** "error RB0100 4:12" for each expectation comment. */
    static Set<String> expectations(String source) {
        Set<String> out = new TreeSet<>();
        Matcher m = EXPECT.matcher(source);
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + ":" + m.group(4));
        }
        return out;
    }

    static List<String> expectedOutput(String source) {
        List<String> out = new ArrayList<>();
        for (String line : source.split("\n")) {
            Matcher m = EXPECT_OUTPUT.matcher(line.strip());
            if (m.find()) {
                out.add(m.group(1).strip());
            }
        }
        return out;
    }

    /** The diagnostics printed, in the form of {@link #expectations}; each must be about {@code file} itself. */
    static Set<String> printed(Path file, String output) {
        Set<String> out = new TreeSet<>();
        for (String line : output.split("\n")) {
            Matcher m = PRINTED.matcher(line);
            if (m.find()) {
                assertEquals(file.toString(), m.group(1), "a diagnostic about another file: " + line);
                out.add(m.group(4) + " " + m.group(5) + " " + m.group(2) + ":" + m.group(3));
            } else if (line.matches("^\\S.*(error|warning)\\[RB\\d{4}].*")) {
                out.add("without a position: " + line);
            }
        }
        return out;
    }
}
