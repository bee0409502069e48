package dev.runbook.expr;

import static dev.runbook.model.Type.ANY;
import static dev.runbook.model.Type.BOOL;
import static dev.runbook.model.Type.DURATION;
import static dev.runbook.model.Type.INT;
import static dev.runbook.model.Type.LIST;
import static dev.runbook.model.Type.STRING;

import dev.runbook.model.Type;
import dev.runbook.model.Unknown;
import dev.runbook.model.expr.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The fixed function table. Nothing is looked up by reflection; a function not listed here does not exist. */
public final class Functions {
    private static final Map<String, Function> TABLE = build();
    private static final int READ_LIMIT = 1 << 20;

    private Functions() {}

    public static Optional<Function> find(String name) {
        return Optional.ofNullable(TABLE.get(name));
    }

    public static Collection<Function> all() {
        return TABLE.values();
    }

    private static Map<String, Function> build() {
        Map<String, Function> t = new LinkedHashMap<>();
        add(
                t,
                "env",
                List.of(STRING, STRING),
                1,
                STRING,
                (a, e) -> {
                    String v = e.environment().get(str(a, 0));
                    if (v == null && a.size() < 2 && e.planning()) {
                        // a preview is made where the run's environment may not be: unknown, not ""
                        return new Unknown("env(\"" + str(a, 0) + "\")");
                    }
                    return v != null ? v : a.size() > 1 ? a.get(1) : "";
                },
                "an environment variable of the run, or the default (else empty)");
        add(
                t,
                "now",
                List.of(STRING),
                0,
                STRING,
                (a, e) -> {
                    var time = e.clock().instant().atZone(ZoneId.systemDefault());
                    return a.isEmpty()
                            ? time.toOffsetDateTime().toString()
                            : DateTimeFormatter.ofPattern(str(a, 0)).format(time);
                },
                "the current time, ISO-8601 or in a java.time pattern such as 'yyyyMMdd_HHmmss'");
        add(
                t,
                "exists",
                List.of(STRING),
                1,
                BOOL,
                (a, e) -> Files.exists(path(a, 0, e)),
                "whether a file or directory exists");
        add(
                t,
                "latest",
                List.of(STRING, STRING),
                1,
                STRING,
                Functions::latest,
                "the most recently modified entry of a directory matching a glob (default *)");
        add(t, "read", List.of(STRING), 1, STRING, Functions::read, "the text of a file (up to 1 MiB)");
        add(
                t,
                "matches",
                List.of(STRING, STRING),
                2,
                BOOL,
                (a, e) -> Pattern.compile(str(a, 1)).matcher(str(a, 0)).find(),
                "whether a regex matches the text");
        add(t, "size", List.of(ANY), 1, INT, Functions::size, "the length of a string, list or map");
        add(
                t,
                "contains",
                List.of(ANY, ANY),
                2,
                BOOL,
                (a, e) -> Operators.in(a.get(1), a.get(0)),
                "whether a string has a substring, a list an element, a map a key");
        add(
                t,
                "has",
                List.of(ANY, STRING),
                2,
                BOOL,
                (a, e) -> a.get(0) instanceof Map<?, ?> m && m.containsKey(a.get(1)),
                "whether a map has a key");
        add(
                t,
                "startsWith",
                List.of(STRING, STRING),
                2,
                BOOL,
                (a, e) -> str(a, 0).startsWith(str(a, 1)),
                "whether a string starts with a prefix");
        add(
                t,
                "endsWith",
                List.of(STRING, STRING),
                2,
                BOOL,
                (a, e) -> str(a, 0).endsWith(str(a, 1)),
                "whether a string ends with a suffix");
        add(t, "lower", List.of(STRING), 1, STRING, (a, e) -> str(a, 0).toLowerCase(Locale.ROOT), "lower case");
        add(t, "upper", List.of(STRING), 1, STRING, (a, e) -> str(a, 0).toUpperCase(Locale.ROOT), "upper case");
        add(t, "trim", List.of(STRING), 1, STRING, (a, e) -> str(a, 0).strip(), "without leading and trailing space");
        add(t, "string", List.of(ANY), 1, STRING, (a, e) -> Operators.text(a.get(0)), "any value as text");
        add(t, "int", List.of(ANY), 1, INT, Functions::toInt, "a number or numeric string as an int");
        add(
                t,
                "duration",
                List.of(STRING),
                1,
                DURATION,
                (a, e) -> Durations.parse(str(a, 0)),
                "a duration from text such as '1m30s'");
        add(
                t,
                "basename",
                List.of(STRING),
                1,
                STRING,
                (a, e) -> {
                    Path p = Path.of(str(a, 0)).getFileName();
                    return p == null ? "" : p.toString();
                },
                "the last part of a path");
        add(
                t,
                "dirname",
                List.of(STRING),
                1,
                STRING,
                (a, e) -> {
                    Path p = Path.of(str(a, 0)).getParent();
                    return p == null ? "." : p.toString();
                },
                "a path without its last part");
        add(
                t,
                "join",
                List.of(LIST, STRING),
                1,
                STRING,
                (a, e) -> {
                    List<String> parts = new ArrayList<>();
                    ((List<?>) a.get(0)).forEach(o -> parts.add(Operators.text(o)));
                    return String.join(a.size() > 1 ? str(a, 1) : ",", parts);
                },
                "the items of a list joined by a separator (default ,)");
        return java.util.Collections.unmodifiableMap(t); // in table order: hints list them
    }

    private static void add(
            Map<String, Function> t,
            String name,
            List<Type> params,
            int required,
            Type result,
            Function.Body body,
            String doc) {
        t.put(name, new Function(name, params, required, result, body, doc));
    }

    private static String str(List<Object> args, int i) {
        return Operators.text(args.get(i));
    }

    private static Path path(List<Object> args, int i, Env env) {
        return env.workDir().resolve(str(args, i)).normalize();
    }

    private static Object latest(List<Object> args, Env env) {
        Path dir = path(args, 0, env);
        String glob = args.size() > 1 ? str(args, 1) : "*";
        Path best = null;
        FileTime bestTime = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
            for (Path p : entries) {
                FileTime time = Files.getLastModifiedTime(p);
                if (best == null
                        || time.compareTo(bestTime) > 0
                        || time.equals(bestTime)
                                && p.getFileName()
                                                .toString()
                                                .compareTo(best.getFileName().toString())
                                        > 0) {
                    best = p;
                    bestTime = time;
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + dir + ": " + e.getMessage());
        }
        if (best == null) {
            throw new IllegalArgumentException("nothing in " + dir + " matches " + glob);
        }
        return best.toString();
    }

    private static Object read(List<Object> args, Env env) {
        Path p = path(args, 0, env);
        try {
            if (Files.size(p) > READ_LIMIT) {
                throw new IllegalArgumentException(p + " is larger than 1 MiB");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + p + ": " + e.getMessage());
        }
    }

    private static Object size(List<Object> args, Env env) {
        Object v = args.get(0);
        if (v instanceof String s) {
            return (long) s.codePointCount(0, s.length());
        }
        if (v instanceof Collection<?> c) {
            return (long) c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return (long) m.size();
        }
        throw new IllegalArgumentException("size() needs a string, list or map, not " + Operators.typeName(v));
    }

    private static Object toInt(List<Object> args, Env env) {
        Object v = args.get(0);
        if (v instanceof Long n) {
            return n;
        }
        if (v instanceof Double d) {
            // [-2^63, 2^63): outside it (and NaN) there is no int64; CEL calls that an overflow, not a clamp
            if (!(d >= -0x1p63 && d < 0x1p63)) {
                throw new IllegalArgumentException("int overflow: " + Operators.text(d) + " is outside the int range");
            }
            return (long) (double) d;
        }
        try {
            return Long.parseLong(Operators.text(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("int() cannot read '" + Operators.text(v) + "' as a number");
        }
    }
}
