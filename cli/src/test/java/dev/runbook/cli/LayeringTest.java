package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies only point down the layer table of ARCHITECTURE.md: a package may import only the packages of the
 * layers listed before it (and its own). Checked by scanning the main sources' imports.
 */
class LayeringTest {
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?(dev\\.runbook\\.[a-z.]+?)\\.[A-Z]", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(dev\\.runbook\\.[a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");
    /** The layers, bottom first; each may use those before it. */
    private static final List<String> LAYERS = List.of(
            "source",
            "diagnostic",
            "model",
            "json",
            "syntax",
            "yaml",
            "format",
            "spi",
            "expr",
            "check",
            "plan",
            "engine",
            "stdlib",
            "cli");

    @Test
    void everyImportPointsDown() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (String module : List.of("grammar", "interpreter", "stdlib", "cli")) {
            Path src = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path file :
                        walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    violations.addAll(check(src, file));
                }
            }
        }
        assertTrue(files > 50, "found the sources (" + files + " files)");
        assertEquals(List.of(), violations);
    }

    private static List<String> check(Path src, Path file) throws IOException {
        String pkg = src.relativize(file.getParent()).toString().replace('/', '.');
        int own = layer(pkg);
        List<String> out = new ArrayList<>();
        String text = Files.readString(file);
        Map<String, Boolean> used = new LinkedHashMap<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            used.put(m.group(1), true);
        }
        Matcher q = QUALIFIED.matcher(text.replaceAll("(?m)^(package|import) .*$", ""));
        while (q.find()) {
            used.put(q.group(1), true);
        }
        for (String dep : used.keySet()) {
            int theirs = layer(dep);
            if (theirs > own) {
                out.add(src.relativize(file) + " (" + LAYERS.get(own) + ") uses " + dep);
            }
        }
        return out;
    }

    private static int layer(String pkg) {
        String rest = pkg.startsWith("dev.runbook.") ? pkg.substring("dev.runbook.".length()) : pkg;
        String first = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        if (rest.startsWith("model.expr")) {
            return LAYERS.indexOf("model");
        }
        int i = LAYERS.indexOf(first);
        if (i < 0) {
            throw new AssertionError("package " + pkg + " is not in the layer table");
        }
        return i;
    }
}
