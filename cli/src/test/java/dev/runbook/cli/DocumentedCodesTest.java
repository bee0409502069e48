package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two tables users read are the ones the code uses: every diagnostic code in the sources is in the codes table
 * of docs/language.md (by itself or in a range such as {@code RB0600 - RB0607}), and every exit code of
 * {@link ExitCodes} is a row of the README's exit code table.
 */
class DocumentedCodesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CODE = Pattern.compile("\"(RB\\d{4})\"");
    private static final Pattern DOC_CODE = Pattern.compile("RB(\\d{4})(?:\\s*-\\s*RB(\\d{4}))?");

    @Test
    void everyDiagnosticCodeIsDocumented() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String module : List.of("grammar", "interpreter", "stdlib", "cli")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = CODE.matcher(Files.readString(f));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() > 40, "found the codes in the sources: " + used);
        Set<String> documented = new TreeSet<>();
        String table = Files.readString(ROOT.resolve("docs/language.md"));
        for (String line : table.lines().filter(l -> l.startsWith("| RB")).toList()) {
            Matcher m = DOC_CODE.matcher(line.substring(0, line.indexOf('|', 1)));
            while (m.find()) {
                int from = Integer.parseInt(m.group(1));
                int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                for (int c = from; c <= to; c++) {
                    documented.add("RB%04d".formatted(c));
                }
            }
        }
        List<String> missing = new ArrayList<>(used);
        missing.removeAll(documented);
        missing.remove("RB9999"); // used by tests' stand-in resolvers only, never by the tool
        assertEquals(List.of(), missing, "codes used in the sources but not in the table of docs/language.md");
    }

    @Test
    void everyExitCodeIsInTheReadme() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (Field f : ExitCodes.class.getDeclaredFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
                found++;
                int code = f.getInt(null);
                if (!readme.contains("| " + code + " |")) {
                    missing.add(f.getName() + " = " + code);
                }
            }
        }
        assertEquals(10, found, "the exit codes of ExitCodes");
        assertEquals(List.of(), missing, "exit codes missing from the README's table");
    }
}
