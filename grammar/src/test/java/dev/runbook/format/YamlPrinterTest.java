package dev.runbook.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.runbook.model.Arg;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.model.expr.Literal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Golden files under {@code format/yaml/}: the DSL runbook {@code format/dsl/NAME.in.rb} prints as
 * {@code NAME.yaml}. Until the YAML reader is on this branch, the output is only checked to be YAML with the
 * comments of the input; the round trip through the reader belongs in a test beside it.
 */
class YamlPrinterTest {
    static final Path DIR = Path.of("src/test/resources/format/yaml");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static String print(String name) throws IOException {
        var in = DslPrinterTest.input(name);
        return YamlPrinter.print(DslPrinterTest.read(in), Comments.collect(in));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void printsTheGoldenYaml(String name) throws IOException {
        String actual = print(name);
        Path expected = DIR.resolve(name + ".yaml");
        if (Boolean.getBoolean("format.update")) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isYamlWithTheRunbookName(String name) throws IOException {
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(print(name));
        Map<?, ?> map = assertInstanceOf(Map.class, doc);
        Runbook rb = DslPrinterTest.read(DslPrinterTest.input(name));
        assertEquals(rb.name(), map.get("runbook"));
        assertEquals(rb.description(), map.get("description"));
        List<?> steps = map.containsKey("steps") ? (List<?>) map.get("steps") : List.of();
        for (int i = 0; i < steps.size(); i++) {
            if (rb.items().get(i) instanceof Step step) {
                literalArgsReadBack(step, (Map<?, ?>) steps.get(i));
            }
        }
    }

    /** Scalars that are literals in the model read back from the YAML as the same Java values. */
    private static void literalArgsReadBack(Step step, Map<?, ?> yaml) {
        assertEquals(step.id(), yaml.get("id"));
        Map<?, ?> with = (Map<?, ?>) yaml.get("with");
        for (Arg a : step.invocation().args()) {
            if (a.value() instanceof Literal lit
                    && !(lit.value() instanceof Duration)
                    && !(lit.value() instanceof String s && s.contains("${"))) {
                Object expected =
                        lit.value() instanceof Long n && n == n.intValue() ? (Object) n.intValue() : lit.value();
                Object actual = with.get(a.name());
                assertEquals(
                        expected,
                        actual instanceof Long n && n == n.intValue() ? n.intValue() : actual,
                        step.id() + "." + a.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void keepsEveryComment(String name) throws IOException {
        var in = DslPrinterTest.input(name);
        var out = dev.runbook.source.SourceFile.of(name + ".yaml", print(name));
        List<String> before =
                Comments.collect(in).all().stream().map(Comment::body).sorted().toList();
        List<String> after =
                Comments.collect(out).all().stream().map(Comment::body).sorted().toList();
        assertEquals(before, after);
    }
}
