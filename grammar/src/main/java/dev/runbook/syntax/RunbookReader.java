package dev.runbook.syntax;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Reads a runbook file in either syntax (by extension: .yaml/.yml is YAML, anything else the DSL). A file that
 * cannot be read becomes a diagnostic, never an exception.
 */
public final class RunbookReader {
    /** Files larger than this are refused before parsing. */
    public static final long MAX_BYTES = 8L << 20;
    /** YAML parsing slows down badly on multi-megabyte scalars, so YAML files get a lower bound. */
    public static final long MAX_YAML_BYTES = 1L << 20;

    private final BiFunction<SourceFile, Diagnostics, Runbook> yaml;

    public RunbookReader(BiFunction<SourceFile, Diagnostics, Runbook> yaml) {
        this.yaml = yaml;
    }

    public Runbook read(Path path, Diagnostics diagnostics) {
        SourceFile file = load(path, diagnostics);
        return file == null ? null : parse(file, diagnostics);
    }

    public Runbook parse(SourceFile file, Diagnostics diagnostics) {
        return file.isYaml() ? yaml.apply(file, diagnostics) : DslReader.read(file, diagnostics);
    }

    /** The file's text, or null after a diagnostic saying why it cannot be read. */
    public static SourceFile load(Path path, Diagnostics diagnostics) {
        String shown = path.toString();
        Span where = Span.synthetic(shown);
        try {
            if (Files.isDirectory(path)) {
                diagnostics.error("RB0010", where, shown + " is a directory, not a runbook file");
                return null;
            }
            long limit = SourceFile.of(shown, "").isYaml() ? MAX_YAML_BYTES : MAX_BYTES;
            if (Files.size(path) > limit) {
                diagnostics.error("RB0010", where, shown + " is larger than " + (limit >> 20) + " MiB");
                return null;
            }
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.indexOf('\0') >= 0) {
                diagnostics.error("RB0011", where, shown + " contains NUL bytes: it is not a text file");
                return null;
            }
            return SourceFile.of(shown, text);
        } catch (NoSuchFileException e) {
            diagnostics.error("RB0010", where, "no such file: " + shown);
        } catch (CharacterCodingException e) {
            diagnostics.error("RB0011", where, shown + " is not valid UTF-8");
        } catch (IOException e) {
            diagnostics.error("RB0010", where, "cannot read " + shown + ": " + e.getMessage());
        }
        return null;
    }
}
