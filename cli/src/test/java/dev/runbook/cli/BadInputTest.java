package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invalid runbooks of every kind through {@code runbook check}: each ends in exit 3 with a diagnostic that names
 * the file (and a line and column where there is one), or in a clean accept; never a stack trace or a hang.
 * The corpus is {@code src/test/resources/badinput/}: {@code hand/} written by hand, {@code generated/} made by
 * {@link BadInputGenerator}; the big inputs are made at test time.
 */
class BadInputTest {
    static final Path CORPUS = Path.of("src/test/resources/badinput");
    /** A hang guard, not a performance assertion. */
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static final Pattern DIAGNOSTIC = Pattern.compile("(?m)^.+?(:\\d+:\\d+)?: error\\[RB\\d{4}]: .+");

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() >= 200, "the corpus should hold at least 200 files, it holds " + files.size());
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(CORPUS.relativize(f).toString(), () -> check(f)));
    }

    @TestFactory
    Stream<DynamicTest> largeInputsMadeAtTestTime() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : BadInputGenerator.large().entrySet()) {
            Path file = tmp.resolve(e.getKey());
            Files.write(file, e.getValue());
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> check(file)));
        }
        return tests.stream();
    }

    @Test
    void committedGeneratedFilesAreUpToDate() throws IOException {
        for (Map.Entry<String, byte[]> e : BadInputGenerator.small().entrySet()) {
            Path file = CORPUS.resolve("generated").resolve(e.getKey());
            assertTrue(Files.exists(file), file + " is missing: run BadInputGenerator.main from the cli folder");
            assertArrayEquals(e.getValue(), Files.readAllBytes(file), file + " differs from what the generator makes");
        }
    }

    @TestFactory
    Stream<DynamicTest> badParams() throws IOException {
        Path runbook = tmp.resolve("params.rb");
        Files.writeString(runbook, """
                runbook "params" {
                  param count: int = 1
                  param wait_for: duration = 1s
                  param mode: enum("fast", "slow") = "fast"
                  param name: string
                  step s = wait { duration: wait_for }
                }
                """);
        Map<String, String> files = Map.of(
                "list.yaml", "- a\n- b\n",
                "scalar.yaml", "just text\n",
                "wrong-types.yaml", "count: [1]\nwait_for: {a: 1}\nmode: medium\nname: {x: 1}\n",
                "unknown.yaml", "name: a\nnope: 1\n",
                "broken.yaml", "name: [\n",
                "bomb.yaml",
                        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nname: [*c, *c, *c, *c, *c, *c, *c, *c]\n",
                "duplicate.yaml", "name: a\nname: b\n",
                "bad.json", "{\"name\": \"a\",}\n",
                "binary.yaml", "\u0000\u0001\u0002");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = tmp.resolve(e.getKey());
            Files.writeString(file, e.getValue());
            tests.add(params(e.getKey(), "--params", file.toString()));
        }
        Files.write(tmp.resolve("utf8.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff});
        tests.add(params(
                "invalid UTF-8 file", "--params", tmp.resolve("utf8.yaml").toString()));
        tests.add(params("missing file", "--params", tmp.resolve("nope.yaml").toString()));
        tests.add(params("a directory", "--params", tmp.toString()));
        String[][] values = {
            {"count=many"},
            {"count=99999999999999999999999"},
            {"wait_for=soon"},
            {"wait_for=-1s"},
            {"mode=medium"},
            {"nope=1"},
            {"=x"},
            {"name"},
            {""},
            {"name=\u0000"},
            {"count=1", "count=2"},
            {"name=" + "x".repeat(1 << 20)}
        };
        for (String[] v : values) {
            List<String> args = new ArrayList<>();
            for (String one : v) {
                args.add("--param");
                args.add(one);
            }
            String shown = String.join(" ", args);
            tests.add(
                    params(shown.length() > 60 ? shown.substring(0, 60) + "..." : shown, args.toArray(String[]::new)));
        }
        return tests.stream();
    }

    private DynamicTest params(String name, String... options) {
        return DynamicTest.dynamicTest(name, () -> {
            List<String> args =
                    new ArrayList<>(List.of("plan", tmp.resolve("params.rb").toString()));
            args.addAll(List.of(options));
            Result r = assertTimeoutPreemptively(LIMIT, () -> run(args.toArray(String[]::new)));
            assertTrue(
                    r.code == ExitCodes.USAGE || r.code == ExitCodes.INVALID || r.code == ExitCodes.OK,
                    "exit code " + r.code + "\n" + r.output);
            noStackTrace(r.output);
            if (r.code != ExitCodes.OK) {
                assertTrue(
                        r.output.contains("runbook: ")
                                || DIAGNOSTIC.matcher(r.output).find(),
                        "an error message is expected:\n" + r.output);
            }
        });
    }

    private static void check(Path file) {
        Result r = assertTimeoutPreemptively(LIMIT, () -> run("check", file.toString()));
        assertTrue(
                r.code == ExitCodes.INVALID || r.code == ExitCodes.OK,
                "exit code " + r.code + " for " + file + ":\n" + r.output);
        noStackTrace(r.output);
        if (r.code == ExitCodes.INVALID) {
            assertTrue(
                    DIAGNOSTIC.matcher(r.output).find(),
                    "a `file:line:col: error[RB....]` or `file: error[...]` " + "line is expected for " + file + ":\n"
                            + r.output);
        }
    }

    private static void noStackTrace(String output) {
        String head = output.length() > 4000 ? output.substring(0, 4000) : output;
        for (String bad : List.of("at dev.runbook", "Exception", "Error:", "at java.")) {
            assertFalse(output.contains(bad), "`" + bad + "` in the output:\n" + head);
        }
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                args);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String output) {}
}
