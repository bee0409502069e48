package dev.runbook.yaml;

import dev.runbook.diagnostic.GoldenErrors;
import dev.runbook.syntax.RunbookReader;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code errors/*.yaml}: each file names the errors it must produce. */
class YamlGoldenErrorTest {
    @TestFactory
    Stream<DynamicTest> goldenErrors() throws IOException {
        RunbookReader reader = new RunbookReader(YamlReader::read);
        return GoldenErrors.tests(GoldenErrors.folder(getClass(), "errors"), ".yaml", reader::read);
    }
}
