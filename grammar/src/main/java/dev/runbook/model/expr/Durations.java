package dev.runbook.model.expr;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of duration text ({@code 250ms}, {@code 30s}, {@code 1h30m}), for literals in both syntaxes,
 * {@code duration()} in expressions and {@code --param} values. {@link ExprPrinter#duration} writes them back.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private Durations() {}

    /**
     * The duration {@code text} spells, parts added up.
     *
     * @throws IllegalArgumentException when it is not a duration, or too large for one (the message says which)
     */
    public static Duration parse(String text) {
        String s = text.strip();
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        try {
            while (m.find() && m.start() == end) {
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
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("duration " + s + " is too large");
        }
        if (end == 0 || end != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 30s, 5m, 1h30m, 250ms)");
        }
        return total;
    }
}
