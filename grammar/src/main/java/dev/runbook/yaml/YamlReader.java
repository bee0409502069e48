package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import dev.runbook.syntax.ExpressionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

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
        Runbook runbook = read(file, new YamlPositions(file), found);
        diagnostics.addAll(found);
        boolean whole = found.all().stream().filter(Diagnostic::isError).allMatch(ExpressionParser::isExpressionError);
        return whole ? runbook : null;
    }

    private static Runbook read(SourceFile file, YamlPositions positions, Diagnostics diagnostics) {
        String text = file.text();
        if (text.length() > YamlLimits.MAX_CODE_POINTS
                && text.codePointCount(0, text.length()) > YamlLimits.MAX_CODE_POINTS) {
            diagnostics.error("RB0017", positions.point(0), tooLarge());
            return null;
        }
        LoadSettings settings = settings(file);
        Node root = compose(file, settings, positions, diagnostics);
        if (root == null) {
            return null;
        }
        YamlValues values = new YamlValues(positions, diagnostics);
        if (!YamlLimits.check(root, values)) {
            return null;
        }
        return YamlRunbook.decode(root, values);
    }

    private static LoadSettings settings(SourceFile file) {
        return LoadSettings.builder()
                .setLabel(file.path())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(YamlLimits.MAX_ALIASES)
                .setCodePointLimit(YamlLimits.MAX_CODE_POINTS)
                .setSchema(new CoreSchema())
                .build();
    }

    /** The one document of the file, or null after a diagnostic. */
    private static Node compose(
            SourceFile file, LoadSettings settings, YamlPositions positions, Diagnostics diagnostics) {
        List<Node> documents = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(file.text())) {
                documents.add(node);
                if (documents.size() > 1) {
                    diagnostics.add(Diagnostic.error(
                                    "RB0018",
                                    positions.of(node),
                                    "a runbook file holds one YAML document; this is a second one")
                            .withHint("split it into two files, or remove the `---` line"));
                    return null;
                }
            }
        } catch (MarkedYamlEngineException e) {
            diagnostics.add(syntaxError(e, positions));
            return null;
        } catch (ReaderException e) {
            String c = String.format("U+%04X", e.getCodePoint());
            diagnostics.error(
                    "RB0012",
                    positions.point(positions.offset(e.getPosition())),
                    "character " + c + " is not allowed in YAML; is this a text file?");
            return null;
        } catch (YamlEngineException e) {
            diagnostics.add(limitError(e, file, settings, positions));
            return null;
        } catch (NumberFormatException e) {
            // snakeyaml-engine throws this when a backslash-u, -U or -x escape is cut short by the end of file
            int at = Math.max(0, file.text().lastIndexOf('\\'));
            diagnostics.error(
                    "RB0012",
                    positions.point(at),
                    "YAML: an escape (\\u, \\U or \\x) without its hex " + "digits in a double-quoted string");
            return null;
        } catch (StackOverflowError e) {
            diagnostics.error("RB0017", positions.point(0), "the document is nested too deeply to read");
            return null;
        }
        if (documents.isEmpty()) {
            diagnostics.error(
                    "RB0018",
                    positions.point(0),
                    "the file holds no YAML document; a runbook needs " + "at least `runbook: name`");
            return null;
        }
        return documents.get(0);
    }

    private static Diagnostic syntaxError(MarkedYamlEngineException e, YamlPositions positions) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        Span span = mark.map(positions::at).orElse(positions.point(0));
        String problem = e.getProblem() == null ? "cannot read this YAML" : e.getProblem();
        Diagnostic d = Diagnostic.error("RB0012", span, "YAML: " + problem.replace("\n", " "));
        if (e.getContext() != null
                && e.getContextMark().isPresent()
                && e.getProblemMark().isPresent()) {
            d = d.withNote(positions.at(e.getContextMark().get()), e.getContext());
        }
        return d;
    }

    private static String tooLarge() {
        return "the document is larger than " + (YamlLimits.MAX_CODE_POINTS >> 20) + " MiB";
    }

    private static Diagnostic limitError(
            YamlEngineException e, SourceFile file, LoadSettings settings, YamlPositions positions) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("aliases")) {
            Span span = YamlLimits.aliasPastLimit(file.text(), settings)
                    .map(positions::at)
                    .orElse(positions.point(0));
            return Diagnostic.error(
                    "RB0017",
                    span,
                    "more than " + YamlLimits.MAX_ALIASES
                            + " aliases of lists or mappings; the document is refused (it may be an alias bomb)");
        }
        if (message.contains("exceeds the limit")) {
            return Diagnostic.error("RB0017", positions.point(0), tooLarge());
        }
        return Diagnostic.error("RB0012", positions.point(0), "YAML: " + message.replace("\n", " "));
    }
}
