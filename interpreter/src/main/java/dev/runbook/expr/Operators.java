package dev.runbook.expr;

import dev.runbook.model.expr.ExprPrinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Runtime semantics of the operators on plain Java values. Type errors are IllegalArgumentException. */
final class Operators {

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

    static boolean bool(Object v, String what) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(what + " must be a bool, not " + typeName(v) + " " + text(v));
    }

    /**
     * CEL equality: values of different types are not equal (an error neither), except numbers, which compare by
     * value ({@code 1 == 1.0}); NaN equals nothing; lists element by element; maps by keys and values.
     */
    static boolean equal(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            Integer c = compare(a, b);
            return c != null && c == 0;
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
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * CEL ordering: -1, 0 or 1, or null when the two are unordered (NaN). Two ints compare exactly; an int and a
     * double compare as doubles (as CEL does); strings by code point; {@code false < true}; durations. Anything
     * else has no order: IllegalArgumentException.
     */
    static Integer compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            double p = ((Number) a).doubleValue();
            double q = ((Number) b).doubleValue();
            if (Double.isNaN(p) || Double.isNaN(q)) {
                return null;
            }
            return p < q ? -1 : p > q ? 1 : 0;
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(compareCodePoints(x, y));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof Duration x && b instanceof Duration y) {
            return Integer.signum(x.compareTo(y));
        }
        throw new IllegalArgumentException("cannot order " + typeName(a) + " and " + typeName(b));
    }

    private static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double;
    }

    private static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int p = x.codePointAt(i);
            int q = y.codePointAt(j);
            if (p != q) {
                return Integer.compare(p, q);
            }
            i += Character.charCount(p);
            j += Character.charCount(q);
        }
        return Boolean.compare(i < x.length(), j < y.length());
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
        if (a instanceof Duration x && b instanceof Long n && ("*".equals(op) || "/".equals(op))) {
            if ("/".equals(op) && n == 0) {
                throw new IllegalArgumentException("division by zero");
            }
            return "*".equals(op) ? x.multipliedBy(n) : x.dividedBy(n);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return integer(op, x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            double p = ((Number) a).doubleValue();
            double q = ((Number) b).doubleValue();
            return switch (op) {
                case "+" -> p + q;
                case "-" -> p - q;
                case "*" -> p * q;
                case "/" -> p / q;
                default ->
                    throw new IllegalArgumentException("% needs two ints, not " + typeName(a) + " and " + typeName(b));
            };
        }
        throw new IllegalArgumentException("cannot apply " + op + " to " + typeName(a) + " and " + typeName(b));
    }

    /** int64 arithmetic: overflow and division by zero are errors, never a wrapped or clamped value. */
    private static long integer(String op, long x, long y) {
        try {
            return switch (op) {
                case "+" -> Math.addExact(x, y);
                case "-" -> Math.subtractExact(x, y);
                case "*" -> Math.multiplyExact(x, y);
                default -> {
                    if (y == 0) {
                        throw new IllegalArgumentException("/".equals(op) ? "division by zero" : "modulo by zero");
                    }
                    if (x == Long.MIN_VALUE && y == -1) {
                        throw new ArithmeticException();
                    }
                    yield "/".equals(op) ? x / y : x % y;
                }
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("int overflow: " + x + " " + op + " " + y);
        }
    }

    /** Unary minus: ints overflow into an error, doubles keep their sign rules (-(0.0) is -0.0). */
    static Object negate(Object v) {
        if (v instanceof Long n) {
            if (n == Long.MIN_VALUE) {
                throw new IllegalArgumentException("int overflow: -(" + n + ")");
            }
            return -n;
        }
        if (v instanceof Double d) {
            return -d;
        }
        if (v instanceof Duration d) {
            return d.negated();
        }
        throw new IllegalArgumentException("cannot negate " + typeName(v));
    }
}
