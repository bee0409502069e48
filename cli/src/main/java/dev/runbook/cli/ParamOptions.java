package dev.runbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import picocli.CommandLine.Option;

/** {@code --param NAME=VALUE} (repeatable) and {@code --params FILE} (YAML or JSON map); --param wins. */
final class ParamOptions {
    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=VALUE",
            description = "Give a param a value (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--params", paramLabel = "FILE", description = "Read param values from a YAML or JSON file.")
    Path paramsFile;

    @Option(
            names = "--inventory",
            paramLabel = "FILE",
            description = "The hosts `on` blocks run on (default: inventory: in a runbook.yaml beside the runbook).")
    Path inventory;

    /** The given values; throws {@link BadParams} with one clear line. */
    Map<String, Object> given() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (paramsFile != null) {
            out.putAll(readFile(paramsFile));
        }
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new BadParams(ExitCodes.USAGE, "--param needs NAME=VALUE, got '" + p + "'");
            }
            out.put(p.substring(0, eq).strip(), p.substring(eq + 1));
        }
        return out;
    }

    private static Map<String, Object> readFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BadParams(ExitCodes.INVALID, "cannot read params file " + file + ": " + e.getMessage());
        }
        Object doc;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setAllowDuplicateKeys(false)
                    .setMaxAliasesForCollections(20)
                    .setLabel(file.toString())
                    .build();
            doc = new Load(settings).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new BadParams(
                    ExitCodes.INVALID,
                    "params file " + file + " is not valid YAML: "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new BadParams(ExitCodes.INVALID, "params file " + file + " must hold a map of name: value");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
        return out;
    }

    private static Object normalise(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(o -> out.add(normalise(o)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), normalise(val)));
            return out;
        }
        return v;
    }

    /** A mistake in the params given on the command line: one line and its exit code. */
    static final class BadParams extends RuntimeException {
        private final int exitCode;

        BadParams(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }
}
