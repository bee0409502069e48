package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.runbook.check.CallResolver;
import dev.runbook.check.Checker;
import dev.runbook.check.rules.CheckRules;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.DiagnosticFormatter;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.expr.Scope;
import dev.runbook.expr.TypeChecker;
import dev.runbook.model.Runbook;
import dev.runbook.model.Type;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.source.SourceFile;
import dev.runbook.spi.StepRegistry;
import dev.runbook.syntax.DslReader;
import dev.runbook.syntax.ExpressionParser;
import dev.runbook.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the readers and the checker, seeded from {@code runbooks/} and the golden files, with a fixed
 * seed: byte flips, deletions, insertions of tokens that matter to the grammars, splices of two seeds. Every input
 * must end in diagnostics with a position or a clean accept: never an exception, a hang or an OOM. An input that
 * found a bug is added to {@code src/test/resources/badinput/} once fixed.
 */
class FuzzTest {
    private static final long SEED = 0x5EED_2024L;
    private static final int DSL_INPUTS = 9_000;
    private static final int YAML_INPUTS = 7_000;
    private static final int EXPRESSION_INPUTS = 4_000;
    /** The whole family stops after this; the count reached is printed. */
    private static final long FAMILY_BUDGET_MS = 120_000;

    private static final String[] TOKENS = {
        "{",
        "}",
        "\"",
        "${",
        ":",
        "[",
        "]",
        "(",
        ")",
        ",",
        "\n",
        "\t",
        "#",
        "'",
        "\"\"\"",
        "step ",
        "param ",
        "&a ",
        "*a",
        "- ",
        "!",
        "&&",
        "||",
        "==",
        "..",
        "\\",
        "\\u",
        "1s",
        "-1",
        "99999999999999999999",
        "null",
        "it.",
        "steps.",
        "runbook ",
        "parallel {",
        "finally {",
        "needs ",
        "\r",
        "\uFEFF",
        "\u0000",
        "\uD800",
        "é",
        "😀",
        "---\n",
        "? ",
        "!!str ",
        "<<: *a\n",
        "{a: 1}",
        "retry ",
        "within "
    };
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz");
        t.setDaemon(true);
        return t;
    });
    private static final CallResolver NO_CALLS = (caller, target, where, d) -> {
        d.error("RB0140", where, "calls are not followed in the fuzz test");
        return null;
    };
    private final StepRegistry registry = StepRegistry.load();

    @AfterAll
    static void stop() {
        WORKER.shutdownNow();
    }

    @Test
    void dslReaderAndChecker() throws IOException {
        fuzz("dsl", seeds(".rb"), DSL_INPUTS, text -> runbook(SourceFile.of("fuzz.rb", text)));
    }

    @Test
    void yamlReaderAndChecker() throws IOException {
        fuzz("yaml", seeds(".yaml"), YAML_INPUTS, text -> runbook(SourceFile.of("fuzz.yaml", text)));
    }

    @Test
    void expressionParserAndTypeChecker() {
        List<String> seeds = List.of(
                "steps.backup.out + \"/x\"",
                "it.status == 200 && size(it.body) > 0",
                "exists(backup) ? 1 : 2",
                "env(\"HOME\", \"/\") + '/a'",
                "[1, 2, 3][0] in [1]",
                "{a: 1, b: [2]}.a",
                "!(1 < 2) || -3 >= 4 % 2",
                "\"x ${p} y ${1 + 2}\"",
                "matches(p, \"^a.*$\")",
                "30s + 1m30s",
                "\"\"\"\n  text ${p}\n  \"\"\"",
                "now('yyyyMMdd') != \"\"");
        Scope scope = new Scope(
                Map.of("p", Type.STRING, "backup", Type.STRING),
                Map.of("backup", Map.of("out", Type.STRING)),
                Map.of("status", Type.INT, "body", Type.STRING),
                (id, span) -> {});
        fuzz("expression", seeds, EXPRESSION_INPUTS, text -> {
            SourceFile file = SourceFile.of("fuzz.rb", text);
            Diagnostics d = new Diagnostics(Integer.MAX_VALUE);
            Expr e = ExpressionParser.parse(file, 0, text, d);
            assertNotNull(e, "no expression and no exception");
            if (!d.hasErrors()) {
                TypeChecker.check(e, scope, d);
                ExprPrinter.print(e);
            }
            d.all().forEach(FuzzTest::formats);
            Expr template = ExpressionParser.parseTemplate(file, 0, text, new Diagnostics(Integer.MAX_VALUE));
            assertNotNull(template);
        });
    }

    /** Reads (by extension), checks, and asserts the outcome. */
    private void runbook(SourceFile file) {
        Diagnostics d = new Diagnostics(Integer.MAX_VALUE);
        Runbook rb = file.isYaml() ? YamlReader.read(file, d) : DslReader.read(file, d);
        if (rb != null) {
            new Checker(registry, NO_CALLS, CheckRules.all()).check(rb, d);
        } else {
            assertTrue(d.hasErrors(), "no model and no error for:\n" + file.text());
        }
        d.all().forEach(FuzzTest::formats);
    }

    private static void formats(Diagnostic d) {
        assertNotNull(d.span(), "a diagnostic without a position: " + d);
        assertFalse(DiagnosticFormatter.format(d).isEmpty());
    }

    private static void fuzz(String family, List<String> seeds, int count, Consumer<String> target) {
        Random random = new Random(SEED ^ family.hashCode());
        long start = System.currentTimeMillis();
        int done = 0;
        for (; done < count && System.currentTimeMillis() - start < FAMILY_BUDGET_MS; done++) {
            String input = mutate(seeds, random);
            Future<?> run = WORKER.submit(() -> target.accept(input));
            try {
                run.get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                fail(family + " input #" + done + " hangs (more than 10 s):\n" + shorten(input));
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof AssertionError a) {
                    throw new AssertionError(
                            family + " input #" + done + ": " + a.getMessage() + "\ninput:\n" + shorten(input), a);
                }
                throw new AssertionError(
                        family + " input #" + done + " threw " + cause + "\ninput:\n" + shorten(input), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        System.out.printf("fuzz %s: %d inputs in %d ms%n", family, done, System.currentTimeMillis() - start);
        assertTrue(done >= Math.min(count, 1000), "too few inputs within the time budget: " + done);
    }

    /** One to four mutations of one seed. */
    static String mutate(List<String> seeds, Random random) {
        StringBuilder s = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) (s.charAt(at) ^ (1 << random.nextInt(8))));
                    }
                }
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(16)));
                case 2, 3 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 4 -> {
                    String other = seeds.get(random.nextInt(seeds.size()));
                    int from = random.nextInt(other.length() + 1);
                    int to = Math.min(other.length(), from + random.nextInt(200));
                    s.insert(at, other, from, to);
                }
                default -> {
                    int from = at;
                    int to = Math.min(s.length(), from + random.nextInt(64));
                    s.insert(to, s.substring(from, to));
                }
            }
        }
        return s.toString();
    }

    /** The runbooks, the golden files and the corpus's hand-written files with this extension. */
    static List<String> seeds(String extension) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path dir : List.of(Path.of("../runbooks"), GoldenCheckTest.DIR, BadInputTest.CORPUS.resolve("hand"))) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(extension))
                        .sorted()
                        .toList()) {
                    try {
                        out.add(Files.readString(p));
                    } catch (java.nio.charset.MalformedInputException e) {
                        // an invalid UTF-8 file of the corpus: not a seed for text mutations
                    }
                }
            }
        }
        assertFalse(out.isEmpty(), "no seeds for " + extension);
        return out;
    }

    private static String shorten(String input) {
        return input.length() > 2000 ? input.substring(0, 2000) + "... (" + input.length() + " chars)" : input;
    }
}
