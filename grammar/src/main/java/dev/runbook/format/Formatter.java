package dev.runbook.format;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.DslReader;
import java.util.function.BiFunction;

/**
 * {@code fmt} and {@code convert}: reads a runbook with its comments and prints it canonically, in its own syntax
 * or the other one. A file that does not read gives null, its mistakes in the diagnostics.
 */
public final class Formatter {
    /** The syntax names {@code convert} accepts. */
    public static final String YAML = "yaml";

    public static final String DSL = "rb";
    private final BiFunction<SourceFile, Diagnostics, Runbook> yamlReader;

    /** @param yamlReader reads YAML files ({@code YamlReader::read}); the DSL is read by {@link DslReader}. */
    public Formatter(BiFunction<SourceFile, Diagnostics, Runbook> yamlReader) {
        this.yamlReader = yamlReader;
    }

    /** The canonical text of the file in its own syntax, or null when it does not read. */
    public String format(SourceFile file, Diagnostics diagnostics) {
        return convert(file, file.isYaml() ? YAML : DSL, diagnostics);
    }

    /** The canonical text of the file in {@code syntax} ({@code yaml} or {@code rb}), or null when it does not read. */
    public String convert(SourceFile file, String syntax, Diagnostics diagnostics) {
        if (!YAML.equals(syntax) && !DSL.equals(syntax)) {
            throw new IllegalArgumentException("unknown syntax " + syntax + "; use yaml or rb");
        }
        Runbook runbook = read(file, diagnostics);
        if (runbook == null || diagnostics.hasErrors()) {
            return null;
        }
        Comments comments = Comments.collect(file);
        return YAML.equals(syntax) ? YamlPrinter.print(runbook, comments) : DslPrinter.print(runbook, comments);
    }

    private Runbook read(SourceFile file, Diagnostics diagnostics) {
        return file.isYaml() ? yamlReader.apply(file, diagnostics) : DslReader.read(file, diagnostics);
    }
}
