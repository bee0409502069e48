package dev.runbook.spi;

import java.time.Duration;

/** How a child process ended. Output is captured up to a cap; {@code timedOut} means we killed its tree. */
public record ProcessResult(int exitCode, String stdout, String stderr, boolean timedOut, Duration elapsed) {
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** The last non-empty line of stderr, else of stdout: what a failure message should quote. */
    public String lastLine() {
        String tail = lastNonEmpty(stderr);
        return tail.isEmpty() ? lastNonEmpty(stdout) : tail;
    }

    private static String lastNonEmpty(String text) {
        String[] lines = text == null ? new String[0] : text.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "";
    }
}
