package dev.runbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live line: one spinner line with each running step and its elapsed time, cleared before every output line. */
class LiveConsoleTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final LiveConsole live = new LiveConsole(out, new ConsoleListener(out, false, false), 80);

    private static Event event(String kind, String step, Map<String, Object> data) {
        return new Event(kind, step, Instant.EPOCH, data);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsEveryRunningStepAndClearsItselfBeforeEachLine() {
        live.on(event("run-start", null, Map.of("runbook", "r", "run_id", "1")));
        live.on(event("step-start", "a", Map.of("describe", "do a")));
        live.on(event("step-start", "b", Map.of("describe", "do b")));
        live.tick();
        String shown = text();
        String last = shown.substring(shown.lastIndexOf("\r\u001b[K") + 4);
        assertTrue(last.matches("[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]  a \\d+\\.\\ds  b \\d+\\.\\ds"), "live line: " + last);

        live.on(event("step-output", "a", Map.of("line", "hello")));
        String afterOutput = text().substring(shown.length());
        // the ticker thread may redraw in between; what matters is that the line is cleared right before output
        assertTrue(
                afterOutput.contains("\r\u001b[K    │ hello\n"),
                "the live line is cleared before output: " + afterOutput);

        live.on(event("step-end", "a", Map.of("status", "ok", "duration_ms", 5L)));
        String tail = text();
        String liveLine = tail.substring(tail.lastIndexOf('\n') + 1);
        assertTrue(liveLine.matches("[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]  b \\d+\\.\\ds"), "only b runs now: " + liveLine);

        live.on(event("step-end", "b", Map.of("status", "ok", "duration_ms", 5L)));
        live.on(event("run-end", null, Map.of("status", "ok", "message", "done", "duration_ms", 9L)));
        assertTrue(text().endsWith("OK: done  (9ms)\n"), "nothing is left on the last line: " + text());
    }

    @Test
    void holdsTheLineWhileAQuestionIsAsked() {
        live.on(event("run-start", null, Map.of("runbook", "r", "run_id", "1")));
        live.on(event("step-start", "a", Map.of("describe", "do a")));
        live.hold(true);
        int before = text().length();
        live.tick();
        assertEquals(before, text().length(), "no drawing while held");
        live.hold(false);
        assertTrue(text().length() > before, "drawn again after the question");
        live.close();
    }
}
