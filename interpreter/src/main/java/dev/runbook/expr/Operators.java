package dev.runbook.expr;

import dev.runbook.model.expr.ExprPrinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runtime semantics of the operators on plain Java values. Type errors are IllegalArgumentException. */
final class Operators {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|h|m|s)");

    private Operators() {}

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Duration d) {
            return ExprPrinter.duration(d);
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        return v.toString();
    }

    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long || v instanceof Integer) {
            return "int";
        }
        if (v instanceof Double) {
            return "double";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Duration) {
            return "duration";
        }
        if (v instanceof List<?>) {
            return "list";
        }
        if (v instanceof Map<?, ?>) {
            return "map";
        }
        return v.getClass().getSimpleName();
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    });
            end = m.end();
        }
        if (end == 0 || end != text.strip().length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 30s, 5m, 1h30m, 250ms)");
        }
        return total;
    }

    static boolean bool(Object v, String what) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(what + " must be a bool, not " + typeName(v) + " " + text(v));
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        throw new IllegalArgumentException("cannot compare " + typeName(a) + " with " + typeName(b));
    }

    static boolean in(Object needle, Object haystack) {
        if (haystack instanceof Collection<?> c) {
            return c.stream().anyMatch(x -> equal(x, needle));
        }
        if (haystack instanceof Map<?, ?> m) {
            return m.containsKey(needle);
        }
        if (haystack instanceof String s) {
            return s.contains(text(needle));
        }
        throw new IllegalArgumentException("`in` needs a list, map or string on its right, not " + typeName(haystack));
    }

    static Object arithmetic(String op, Object a, Object b) {
        if ("+".equals(op)) {
            if (a instanceof String || b instanceof String) {
                return text(a) + text(b);
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                List<Object> out = new ArrayList<>(x);
                out.addAll(y);
                return out;
            }
        }
        if (a instanceof Duration x && b instanceof Duration y) {
            return switch (op) {
                case "+" -> x.plus(y);
                case "-" -> x.minus(y);
                default -> throw new IllegalArgumentException("durations only add and subtract");
            };
        }
        if (a instanceof Duration x && b instanceof Number n && ("*".equals(op) || "/".equals(op))) {
            return "*".equals(op) ? x.multipliedBy(n.longValue()) : x.dividedBy(Math.max(1, n.longValue()));
        }
        if (a instanceof Long x && b instanceof Long y) {
            return switch (op) {
                case "+" -> Math.addExact(x, y);
                case "-" -> Math.subtractExact(x, y);
                case "*" -> Math.multiplyExact(x, y);
                case "/" -> {
                    if (y == 0) {
                        throw new IllegalArgumentException("division by zero");
                    }
                    yield x / y;
                }
                default -> {
                    if (y == 0) {
                        throw new IllegalArgumentException("modulo by zero");
                    }
                    yield x % y;
                }
            };
        }
        if (a instanceof Number x && b instanceof Number y) {
            double p = x.doubleValue();
            double q = y.doubleValue();
            return switch (op) {
                case "+" -> p + q;
                case "-" -> p - q;
                case "*" -> p * q;
                case "/" -> p / q;
                default -> p % q;
            };
        }
        throw new IllegalArgumentException("cannot apply " + op + " to " + typeName(a) + " and " + typeName(b));
    }
}
