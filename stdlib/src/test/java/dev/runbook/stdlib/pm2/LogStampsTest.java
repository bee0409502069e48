package dev.runbook.stdlib.pm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LogStampsTest {
    static final Pattern ERRORS = Pattern.compile(Pm2ErrorsStep.DEFAULT_PATTERN);

    @Test
    void readsPm2sDefaultStampInLocalTimeAndIsoStampsWithAZone() {
        assertEquals(
                LocalDateTime.parse("2026-01-02T10:00:05")
                        .atZone(ZoneId.systemDefault())
                        .toInstant(),
                LogStamps.parse("2026-01-02T10:00:05: Error: boom"));
        assertEquals(Instant.parse("2026-01-02T10:00:05.123Z"), LogStamps.parse("2026-01-02T10:00:05.123Z"));
        assertEquals(Instant.parse("2026-01-02T08:00:05Z"), LogStamps.parse("2026-01-02 10:00:05 +02:00"));
        assertEquals(null, LogStamps.parse("    at Server.<anonymous> (server.js:4:11)"));
    }

    @Test
    void countsOnlyErrorLinesFromTheCutoffAndGivesUnstampedLinesTheStampAboveThem() {
        String log = "2026-01-02T10:00:00: Error: before the rollback\n"
                + "2026-01-02T10:05:00: listening\n"
                + "2026-01-02T10:06:00: Error: after\n"
                + "    at handler (server.js:4) -- Unhandled rejection\n"
                + "2026-01-02T10:07:00: ok\n";
        LogStamps.Scan scan = LogStamps.scan(log, LogStamps.cutoff("2026-01-02T10:05:00"), ERRORS, 10);
        assertEquals(2, scan.count());
        assertEquals(
                List.of("2026-01-02T10:06:00: Error: after", "at handler (server.js:4) -- Unhandled rejection"),
                scan.matches());
        assertTrue(scan.stamped());
        assertEquals(3, LogStamps.scan(log, LogStamps.cutoff(""), ERRORS, 1).count());
        assertEquals(
                1,
                LogStamps.scan(log, LogStamps.cutoff(""), ERRORS, 1).matches().size());
    }

    @Test
    void aLogWithoutStampsCannotBeCutSoEveryLineCounts() {
        LogStamps.Scan scan = LogStamps.scan(
                "Error: one\nfine\nException two\n", LogStamps.cutoff("2099-01-01T00:00:00Z"), ERRORS, 10);
        assertEquals(2, scan.count());
        assertFalse(scan.stamped());
        assertThrows(IllegalArgumentException.class, () -> LogStamps.cutoff("yesterday"));
    }
}
