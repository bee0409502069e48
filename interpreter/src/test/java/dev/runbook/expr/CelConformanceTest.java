package dev.runbook.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.expr.Expr;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.ExpressionParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cel-spec's conformance cases (src/test/resources/cel-spec, see its README) run against our evaluator. A case is
 * in the subset unless it uses something the language does not have (listed in {@link #OUT_OF_SUBSET}); methods on
 * a string literal become calls ({@code 'a'.size()} is {@code size('a')}). Every case in the subset must give CEL's
 * value, or an error where CEL gives one, except the deviations in {@link #DIFFERENCES}, which docs/language.md
 * explains ("Differences from CEL").
 */
class CelConformanceTest {
    static final List<String> FILES =
            List.of("basic", "comparisons", "fp_math", "integer_math", "lists", "logic", "string");

    /** What the language does not have, first match wins: the reason a case is out of the subset. */
    static final Map<String, Pattern> OUT_OF_SUBSET = outOfSubset();

    /** In-subset cases whose result differs from CEL on purpose; each is explained in docs/language.md. */
    static final Set<String> DIFFERENCES = Set.of();

    private static final Pattern METHOD = Pattern.compile("^('(?:[^'\\\\]|\\\\.)*')\\.(\\w+)\\((.*)\\)$");
    private static final Set<String> VALUE_KINDS =
            Set.of("int64_value", "double_value", "bool_value", "string_value", "null_value", "list_value");

    record Case(String id, String expr, boolean check, Object expected, boolean error, String outOfSubset) {}

    private static Map<String, Pattern> outOfSubset() {
        Map<String, Pattern> m = new LinkedHashMap<>();
        m.put("protobuf messages", Pattern.compile("google\\.protobuf|TestAllTypes|protobuf\\."));
        m.put("dyn()", Pattern.compile("\\bdyn\\("));
        m.put("timestamps", Pattern.compile("\\btimestamp\\("));
        m.put("uint", Pattern.compile("\\d[uU]\\b"));
        m.put("bytes", Pattern.compile("(^|[^\\w'\"])b['\"]"));
        m.put("raw strings", Pattern.compile("(^|[^\\w'\"])r['\"]"));
        m.put("hex ints", Pattern.compile("\\b0x"));
        m.put("exponent or leading-dot doubles", Pattern.compile("\\d[eE][+-]?\\d|(^|[^\\w.])\\.\\d"));
        m.put("escapes \\x \\U \\a \\b \\f \\v and octal", Pattern.compile("\\\\[xXUabfv0-7]"));
        m.put("non-string map keys", Pattern.compile("[{,]\\s*(-?\\d|true|false)[^:,}]*:"));
        return m;
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (String file : FILES) {
            CelTextproto.Message root = CelTextproto.parse(read(file));
            for (Object s : root.all("section")) {
                CelTextproto.Message section = (CelTextproto.Message) s;
                for (Object t : section.all("test")) {
                    cases.add(toCase(file + "/" + section.text("name"), (CelTextproto.Message) t));
                }
            }
        }
        return cases;
    }

    private static Case toCase(String section, CelTextproto.Message t) {
        String id = section + "/" + t.text("name");
        String expr = t.text("expr");
        boolean check = !"true".equals(t.text("disable_check"));
        CelTextproto.Message value = t.message("value");
        String out = null;
        if (t.get("bindings") != null || t.get("type_env") != null || t.get("container") != null) {
            out = "bound variables and containers";
        } else if (value != null && !VALUE_KINDS.contains(kind(value))) {
            out = "results of type " + kind(value).replace("_value", "");
        } else {
            for (Map.Entry<String, Pattern> rule : OUT_OF_SUBSET.entrySet()) {
                if (rule.getValue().matcher(expr).find()) {
                    out = rule.getKey();
                    break;
                }
            }
        }
        Object expected = value == null || out != null ? null : expected(value);
        return new Case(id, translate(expr), check, expected, t.get("eval_error") != null, out);
    }

    private static String kind(CelTextproto.Message value) {
        return value.fields().get(0).getKey();
    }

    /** A method on a string literal becomes a call with the string first. */
    static String translate(String expr) {
        var m = METHOD.matcher(expr.strip());
        return m.matches()
                ? m.group(2) + "(" + m.group(1) + (m.group(3).isEmpty() ? "" : ", " + m.group(3)) + ")"
                : expr;
    }

    private static Object expected(CelTextproto.Message value) {
        Object v = value.fields().get(0).getValue();
        return switch (kind(value)) {
            case "int64_value" -> Long.parseLong((String) v);
            case "double_value" ->
                switch ((String) v) {
                    case "inf", "Infinity" -> Double.POSITIVE_INFINITY;
                    case "-inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
                    case "nan", "NaN" -> Double.NaN;
                    default -> Double.parseDouble((String) v);
                };
            case "bool_value" -> Boolean.parseBoolean((String) v);
            case "string_value" -> v;
            case "null_value" -> null;
            default -> {
                List<Object> items = new ArrayList<>();
                for (Object item : ((CelTextproto.Message) v).all("values")) {
                    items.add(expected((CelTextproto.Message) item));
                }
                yield items;
            }
        };
    }

    static Stream<Arguments> inSubset() {
        return all().stream().filter(c -> c.outOfSubset() == null).map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inSubset")
    void givesWhatCelGives(String id, Case c) {
        Assumptions.assumeFalse(DIFFERENCES.contains(id), "a documented difference from CEL");
        Diagnostics parsed = new Diagnostics(100);
        Expr expr = ExpressionParser.parse(SourceFile.of(id, c.expr()), 0, c.expr(), parsed);
        assertFalse(parsed.hasErrors(), () -> c.expr() + " does not parse: " + parsed.all());
        Diagnostics checked = new Diagnostics(100);
        if (c.check()) {
            TypeChecker.check(expr, new Scope(Map.of(), Map.of(), null, (s, span) -> {}), checked);
        }
        Object actual;
        try {
            actual = Evaluator.eval(expr, new Env(Map.of(), Clock.systemUTC(), Path.of("."), Map.of(), false));
        } catch (EvalException e) {
            assertTrue(c.error(), () -> c.expr() + " failed: " + e.getMessage() + ", CEL gives " + c.expected());
            return;
        }
        if (c.error()) {
            assertTrue(checked.hasErrors(), () -> c.expr() + " gave " + actual + ", CEL gives an error");
            return;
        }
        assertFalse(checked.hasErrors(), () -> c.expr() + " is rejected by the checker: " + checked.all());
        assertTrue(
                same(c.expected(), actual),
                () -> c.expr() + " gave " + show(actual) + ", CEL gives " + show(c.expected()));
    }

    /** Equal values of the same type: 1 is not 1.0, -0.0 is not 0.0. */
    private static boolean same(Object a, Object b) {
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }

    private static String show(Object v) {
        return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
    }

    /** The cases out of the subset, by file and section with a count, and how many are in it. */
    @Test
    void subsetIsAsDocumented() {
        List<Case> cases = all();
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (Case c : cases) {
            if (c.outOfSubset() != null) {
                String section = c.id().substring(0, c.id().lastIndexOf('/'));
                out.computeIfAbsent(section, k -> new TreeMap<>()).merge(c.outOfSubset(), 1, Integer::sum);
            }
        }
        long in = cases.stream().filter(c -> c.outOfSubset() == null).count();
        StringBuilder report = new StringBuilder();
        out.forEach((section, reasons) ->
                report.append(section).append(": ").append(reasons).append('\n'));
        System.out.println("cel-spec cases: " + cases.size() + ", in the subset: " + in + "\n" + report);
        for (String d : DIFFERENCES) {
            assertTrue(cases.stream().anyMatch(c -> c.id().equals(d) && c.outOfSubset() == null), d);
        }
        assertEquals(IN_SUBSET, in, "cases in the subset (update README.md and this number together)");
    }

    static final long IN_SUBSET = 304;

    private static String read(String file) {
        try (InputStream in = CelConformanceTest.class.getResourceAsStream("/cel-spec/" + file + ".textproto")) {
            if (in == null) {
                fail("missing cel-spec/" + file + ".textproto");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
