package dev.runbook.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.DslReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files under {@code format/dsl/}: each {@code NAME.in.rb} prints as {@code NAME.out.rb}. Run with
 * {@code -Dformat.update=true} to rewrite the expected files, then review the diff.
 */
class DslPrinterTest {
    static final Path DIR = Path.of("src/test/resources/format/dsl");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".in.rb"))
                    .map(n -> n.substring(0, n.length() - ".in.rb".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static SourceFile input(String name) throws IOException {
        return SourceFile.of(name + ".in.rb", Files.readString(DIR.resolve(name + ".in.rb"), StandardCharsets.UTF_8));
    }

    static Runbook read(SourceFile file) {
        Diagnostics d = new Diagnostics();
        Runbook rb = DslReader.read(file, d);
        assertNotNull(rb, () -> file.path() + ": " + d.sorted());
        assertTrue(!d.hasErrors(), () -> file.path() + ": " + d.sorted());
        return rb;
    }

    static String format(SourceFile file) {
        return DslPrinter.print(read(file), Comments.collect(file));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void printsTheGoldenLayout(String name) throws IOException {
        String actual = format(input(name));
        Path expected = DIR.resolve(name + ".out.rb");
        if (Boolean.getBoolean("format.update")) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isIdempotent(String name) throws IOException {
        String once = format(input(name));
        String twice = format(SourceFile.of(name + ".out.rb", once));
        assertEquals(once, twice);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void keepsTheModel(String name) throws IOException {
        SourceFile in = input(name);
        Runbook before = read(in);
        Runbook after = read(SourceFile.of(name + ".out.rb", format(in)));
        assertEquals(ModelDump.dump(before), ModelDump.dump(after));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void keepsEveryComment(String name) throws IOException {
        SourceFile in = input(name);
        SourceFile out = SourceFile.of(name + ".out.rb", format(in));
        List<String> before =
                Comments.collect(in).all().stream().map(Comment::text).sorted().toList();
        List<String> after =
                Comments.collect(out).all().stream().map(Comment::text).sorted().toList();
        assertEquals(before, after);
    }
}
