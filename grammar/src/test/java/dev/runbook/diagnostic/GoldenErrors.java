package dev.runbook.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runbook.model.Runbook;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Golden error files: each file lists the errors it must produce in comments, {@code # expect-error: RB0013 4:9};
 * exactly those (code, line, column) must be reported, and no other error.
 */
public final class GoldenErrors {
    private static final Pattern EXPECT = Pattern.compile("expect-error:\\s*(RB\\d{4})\\s+(\\d+):(\\d+)");

    private GoldenErrors() {}

    public static Path folder(Class<?> owner, String resource) {
        try {
            return Path.of(owner.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Stream<DynamicTest> tests(
            Path folder, String extension, BiFunction<Path, Diagnostics, Runbook> reader) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(extension))
                    .sorted()
                    .toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f, reader)));
    }

    public static List<String> expected(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        Matcher m = EXPECT.matcher(text);
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2) + ":" + m.group(3));
        }
        return out.stream().sorted().toList();
    }

    private static void check(Path file, BiFunction<Path, Diagnostics, Runbook> reader) throws IOException {
        List<String> expected = expected(file);
        if (expected.isEmpty()) {
            throw new AssertionError(file + " lists no expect-error");
        }
        Diagnostics diagnostics = new Diagnostics();
        Runbook model = reader.apply(file, diagnostics);
        List<String> actual = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        for (Diagnostic d : diagnostics.sorted()) {
            if (d.isError()) {
                actual.add(d.code() + " " + d.span().start().line() + ":"
                        + d.span().start().column());
            }
            shown.append(DiagnosticFormatter.format(d));
        }
        assertEquals(expected, actual.stream().sorted().toList(), shown.toString());
        checkModel(file, expected, model);
    }

    /**
     * A DSL file with a syntax error has no model. In YAML, an expression's syntax error stays local to it: the rest
     * of the file is still a model (to be checked), unless the YAML itself is broken.
     */
    private static void checkModel(Path file, List<String> expected, Runbook model) {
        boolean yamlBroken = expected.stream().anyMatch(e -> e.startsWith("RB001"));
        boolean expressions = expected.stream().anyMatch(GoldenErrors::isExpressionError);
        if (model != null && (yamlBroken || expressions && !file.toString().endsWith(".yaml"))) {
            throw new AssertionError("a model was returned despite syntax errors");
        }
        if (model == null
                && file.toString().endsWith(".yaml")
                && expected.stream().allMatch(GoldenErrors::isExpressionError)) {
            throw new AssertionError("an expression's syntax error hid the rest of the file: no model was returned");
        }
    }

    private static boolean isExpressionError(String expected) {
        return expected.startsWith("RB0001") || expected.startsWith("RB0002") || expected.startsWith("RB0007");
    }
}
