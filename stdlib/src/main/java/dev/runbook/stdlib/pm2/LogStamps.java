package dev.runbook.stdlib.pm2;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time stamps pm2 writes before log lines ({@code YYYY-MM-DDTHH:mm:ss: } by default, local time unless the format
 * adds a zone), and a scan of a log's text that counts the lines matching a pattern from a time on.
 */
final class LogStamps {
    private static final Pattern STAMP =
            Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(\\.\\d+)? ?(Z|[+-]\\d{2}:?\\d{2})?");

    /** From when lines count ({@code at} null: from the start), with the text it was given. */
    record Cutoff(Instant at, String text) {}

    /** What a scan found: matching lines from the cutoff, the first few of them, whether the text had stamps. */
    record Scan(long count, List<String> matches, boolean stamped, long lines) {}

    private LogStamps() {}

    static Cutoff cutoff(String since) {
        if (since == null || since.isBlank()) {
            return new Cutoff(null, "");
        }
        Instant at = parse(since.strip());
        if (at == null) {
            throw new IllegalArgumentException("since is not an ISO-8601 time: " + since);
        }
        // stamps have whole seconds: a line written in the same second as the cutoff counts
        return new Cutoff(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), since.strip());
    }

    /** An ISO-8601 time with or without a zone (without one: this machine's zone, as pm2 writes it). */
    static Instant parse(String text) {
        Matcher m = STAMP.matcher(text);
        if (!m.find()) {
            return null;
        }
        String local = m.group(1) + "T" + m.group(2) + (m.group(3) == null ? "" : m.group(3));
        try {
            if (m.group(4) == null) {
                return LocalDateTime.parse(local).atZone(ZoneId.systemDefault()).toInstant();
            }
            String zone = m.group(4).equals("Z") ? "Z" : m.group(4).replaceFirst("(\\d{2})(\\d{2})$", "$1:$2");
            return OffsetDateTime.parse(local + zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Scan scan(String text, Cutoff cutoff, Pattern pattern, int keep) {
        Instant current = null;
        long lines = 0;
        // matches above the first stamp have no time of their own: older than it, so with a cutoff they count only
        // when the text has no stamps at all (then nothing can be cut)
        List<String> unstamped = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("==> ")) {
                continue;
            }
            lines++;
            Instant at = parse(line);
            current = at == null ? current : at;
            if (!pattern.matcher(line).find()) {
                continue;
            }
            if (current == null) {
                unstamped.add(line.strip());
            } else if (cutoff.at() == null || !current.isBefore(cutoff.at())) {
                counted.add(line.strip());
            }
        }
        boolean stamped = current != null;
        if (!stamped || cutoff.at() == null) {
            unstamped.addAll(counted);
            counted = unstamped;
        }
        return new Scan(
                counted.size(),
                List.copyOf(counted.subList(0, Math.min(Math.max(keep, 0), counted.size()))),
                stamped,
                lines);
    }
}
