package dev.runbook.syntax;

import dev.runbook.diagnostic.GoldenErrors;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code errors/*.rb}: each file names the errors it must produce. */
class DslGoldenErrorTest {
    @TestFactory
    Stream<DynamicTest> goldenErrors() throws IOException {
        RunbookReader reader = new RunbookReader((file, d) -> {
            throw new AssertionError("not a DSL file: " + file);
        });
        return GoldenErrors.tests(GoldenErrors.folder(getClass(), "errors"), ".rb", reader::read);
    }
}
