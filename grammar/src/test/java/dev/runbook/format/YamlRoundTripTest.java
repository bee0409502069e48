package dev.runbook.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.source.SourceFile;
import dev.runbook.yaml.YamlReader;
import java.io.IOException;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden DSL runbook converted to YAML reads back, with the YAML reader, as the same model, and formatting
 * that YAML again changes nothing.
 */
class YamlRoundTripTest {
    static Stream<String> cases() throws IOException {
        return DslPrinterTest.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void convertsToYamlAndBack(String name) throws IOException {
        BiFunction<SourceFile, Diagnostics, Runbook> reader = YamlReader::read;
        Formatter formatter = new Formatter(reader);
        SourceFile dsl = DslPrinterTest.input(name);
        SourceFile yaml = SourceFile.of(name + ".yaml", formatter.convert(dsl, Formatter.YAML, new Diagnostics()));
        Diagnostics d = new Diagnostics();
        Runbook back = reader.apply(yaml, d);
        assertFalse(d.hasErrors(), () -> yaml.text() + d.sorted());
        assertEquals(ModelDump.dump(DslPrinterTest.read(dsl)), ModelDump.dump(back));
        assertEquals(yaml.text(), formatter.format(yaml, new Diagnostics()), "formatting the YAML again");
        String dslAgain = formatter.convert(yaml, Formatter.DSL, new Diagnostics());
        Runbook fromDslAgain = DslPrinterTest.read(SourceFile.of(name + ".again.rb", dslAgain));
        assertEquals(ModelDump.dump(back), ModelDump.dump(fromDslAgain));
    }
}
