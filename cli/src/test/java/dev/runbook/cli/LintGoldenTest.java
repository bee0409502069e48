package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.check.lint.LintRule;
import dev.runbook.check.lint.LintRules;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.DiagnosticFormatter;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.spi.StepRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code lint/rb06xx-*.rb}: each file names the warnings of its rule it must produce, {@code # expect-warning: RB0600
 * 4:8}; exactly those (code, line, column) are reported for that code, and the file has no errors. A file without
 * expectations proves that the rule stays quiet.
 */
class LintGoldenTest {
    private static final Pattern EXPECT = Pattern.compile("expect-warning:\\s*(RB\\d{4})\\s+(\\d+):(\\d+)");

    /** The stdlib and the tests' own step types (test.reset has a {@code drop} argument). */
    static StepRegistry registry() {
        return StepRegistry.load();
    }

    static Path folder() throws URISyntaxException {
        return Path.of(LintGoldenTest.class.getResource("lint").toURI());
    }

    @TestFactory
    Stream<DynamicTest> goldenLint() throws IOException, URISyntaxException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder())) {
            files = listing.filter(p -> p.toString().endsWith(".rb")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    @Test
    void everyRuleHasACaseThatFiresAndOneThatDoesNot() throws URISyntaxException {
        for (LintRule rule : LintRules.all()) {
            String prefix = rule.code().toLowerCase(java.util.Locale.ROOT);
            assertTrue(Files.exists(folder().resolve(prefix + "-fires.rb")), prefix + "-fires.rb");
            assertTrue(Files.exists(folder().resolve(prefix + "-ok.rb")), prefix + "-ok.rb");
        }
    }

    @Test
    void codesAreDistinctAndInTheLintRange() {
        List<String> codes = LintRules.all().stream().map(LintRule::code).toList();
        assertEquals(codes.size(), codes.stream().distinct().count());
        codes.forEach(c -> assertTrue(c.matches("RB06\\d\\d"), c));
    }

    private static void check(Path file) throws IOException {
        String code = file.getFileName().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        List<String> expected = new ArrayList<>();
        Matcher m = EXPECT.matcher(Files.readString(file));
        while (m.find()) {
            expected.add(m.group(1) + " " + m.group(2) + ":" + m.group(3));
        }
        Diagnostics diagnostics = new Diagnostics();
        new Workbench(registry(), List.copyOf(LintRules.all())).load(file, diagnostics);
        List<String> actual = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        for (Diagnostic d : diagnostics.sorted()) {
            shown.append(DiagnosticFormatter.format(d));
            if (d.isError() || d.code().equals(code)) {
                actual.add(d.code() + " " + d.span().start().line() + ":"
                        + d.span().start().column());
            }
        }
        assertEquals(
                expected.stream().sorted().toList(), actual.stream().sorted().toList(), shown.toString());
    }
}
