package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.ExpressionParser;

/**
 * Reads a runbook written in YAML, on snakeyaml-engine's Compose API so that every node keeps its marks. Nothing
 * is constructed from tags; limits on aliases, size and depth are on. Every problem becomes a diagnostic.
 */
public final class YamlReader {
    private YamlReader() {}

    /**
     * The model, or null when the file has errors (all of them reported). A syntax error inside an expression stays
     * local to it: the expression is {@code Invalid} in the model, which is still returned so that the rest of the
     * file can be checked; the caller stops before running it because of the error.
     */
    public static Runbook read(SourceFile file, Diagnostics diagnostics) {
        Diagnostics found = new Diagnostics();
        Runbook runbook = decode(file, found);
        diagnostics.addAll(found);
        boolean whole = found.all().stream().filter(Diagnostic::isError).allMatch(ExpressionParser::isExpressionError);
        return whole ? runbook : null;
    }

    private static Runbook decode(SourceFile file, Diagnostics diagnostics) {
        YamlDocument document = YamlDocument.compose(
                file,
                "a runbook",
                "a runbook needs at least `runbook: name`",
                "split it into two files, or remove the `---` line",
                diagnostics);
        return document == null ? null : YamlRunbook.decode(document.root(), document.values());
    }
}
