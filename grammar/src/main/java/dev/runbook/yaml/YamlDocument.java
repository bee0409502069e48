package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import java.util.ArrayList;
import java.util.Collection;
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
 * One YAML file other than a runbook (an inventory of hosts) composed into nodes that keep their marks, for
 * readers outside this package. It applies the runbook reader's settings and limits and reports the same YAML-level
 * codes (RB0012 syntax, RB0014 tags, RB0017 limits, RB0018 documents); what the nodes mean is the caller's business,
 * with {@link #span} for its diagnostics and {@link #closest} for its "did you mean".
 */
public final class YamlDocument {
    private final YamlPositions positions;
    private final Node root;
    private final YamlValues values;

    private YamlDocument(YamlPositions positions, Node root, YamlValues values) {
        this.positions = positions;
        this.root = root;
        this.values = values;
    }

    /**
     * The one document of the file, or null after diagnostics.
     *
     * @param what what the file is, for messages ("an inventory")
     */
    public static YamlDocument compose(SourceFile file, String what, Diagnostics diagnostics) {
        return compose(file, what, what + " is a mapping", "remove the `---` line", diagnostics);
    }

    /**
     * As above, saying what the file needs when it is empty and how to mend a second document: the runbook reader
     * and the inventory reader share every limit and message of this one.
     */
    static YamlDocument compose(
            SourceFile file, String what, String needs, String secondHint, Diagnostics diagnostics) {
        YamlPositions positions = new YamlPositions(file);
        String text = file.text();
        if (text.length() > YamlLimits.MAX_CODE_POINTS
                && text.codePointCount(0, text.length()) > YamlLimits.MAX_CODE_POINTS) {
            diagnostics.error("RB0017", positions.point(0), tooLarge());
            return null;
        }
        Node root = documentOf(file, what, needs, secondHint, positions, diagnostics);
        YamlValues values = new YamlValues(positions, diagnostics);
        if (root == null || !YamlLimits.check(root, values)) {
            return null;
        }
        return new YamlDocument(positions, root, values);
    }

    /** Values read from this document's nodes, their mistakes reported where the document's are. */
    YamlValues values() {
        return values;
    }

    public Node root() {
        return root;
    }

    public SourceFile file() {
        return positions.file();
    }

    public Span span(Node node) {
        return positions.of(node);
    }

    /** From the start of one node to the end of another (a key and its value). */
    public Span span(Node first, Node last) {
        return positions.of(first, last);
    }

    /** The known word closest to a misspelt one, or null when none is a plausible typo. */
    public static String closest(String word, Collection<String> known) {
        return KeySuggestions.closest(word, known);
    }

    private static Node documentOf(
            SourceFile file,
            String what,
            String needs,
            String secondHint,
            YamlPositions positions,
            Diagnostics diagnostics) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.path())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(YamlLimits.MAX_ALIASES)
                .setCodePointLimit(YamlLimits.MAX_CODE_POINTS)
                .setSchema(new CoreSchema())
                .build();
        List<Node> documents = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(file.text())) {
                documents.add(node);
                if (documents.size() > 1) {
                    diagnostics.add(Diagnostic.error(
                                    "RB0018",
                                    positions.of(node),
                                    what + " file holds one YAML document; this is a second one")
                            .withHint(secondHint));
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
                    "YAML: an escape (\\u, \\U or \\x) without its hex digits in a double-quoted string");
            return null;
        } catch (StackOverflowError e) {
            diagnostics.error("RB0017", positions.point(0), "the document is nested too deeply to read");
            return null;
        }
        if (documents.isEmpty()) {
            diagnostics.error("RB0018", positions.point(0), "the file holds no YAML document; " + needs);
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
