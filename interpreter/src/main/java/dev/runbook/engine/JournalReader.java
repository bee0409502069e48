package dev.runbook.engine;

import dev.runbook.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a journal back into a {@link RunRecord}. A line that does not parse is where a crash tore the file: it
 * and anything after it are ignored (and {@code torn} is set), never an error.
 */
public final class JournalReader {
    private JournalReader() {}

    public static RunRecord read(Path file) throws IOException {
        return read(Files.readAllLines(file, StandardCharsets.UTF_8), JournalReader::aliveHere);
    }

    /**
     * Reads journal lines, in order, into a record; {@code alive} tells from the latest run-start whether the run
     * that wrote it still runs (when the journal has no end).
     */
    public static RunRecord read(List<String> texts, Predicate<Map<String, Object>> alive) {
        List<Map<String, Object>> lines = new ArrayList<>();
        boolean torn = false;
        for (String text : texts) {
            if (text.isBlank()) {
                continue;
            }
            try {
                if (Json.parse(text) instanceof Map<?, ?> m) {
                    lines.add(cast(m));
                    continue;
                }
            } catch (RuntimeException e) {
                // a torn write: the end of the readable journal
            }
            torn = true;
            break;
        }
        return fold(lines, torn, alive);
    }

    private static RunRecord fold(List<Map<String, Object>> lines, boolean torn, Predicate<Map<String, Object>> alive) {
        Builder b = new Builder(alive);
        lines.forEach(b::apply);
        b.torn = torn;
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static long number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : 0;
    }

    /** Folds the lines in order; each later line updates what the earlier ones said. */
    private static final class Builder {
        private final Map<String, Object> start = new LinkedHashMap<>();
        private final Map<String, StepRecord> steps = new LinkedHashMap<>();
        private final List<Map<String, Object>> verifies = new ArrayList<>();
        private final List<Map<String, Object>> events = new ArrayList<>();
        private Map<String, Object> end;
        private Map<String, Object> latest = Map.of();
        private Instant firstStart;
        private int attempts;
        private boolean torn;
        private final Predicate<Map<String, Object>> alive;

        Builder(Predicate<Map<String, Object>> alive) {
            this.alive = alive;
        }

        void apply(Map<String, Object> line) {
            String kind = text(line, "event");
            String step = text(line, "step");
            switch (kind == null ? "" : kind) {
                case "run-start" -> runStart(line);
                case "run-end" -> end = line;
                case "step-start" ->
                    steps.put(
                            step, new StepRecord(step, "running", text(line, "describe"), Map.of(), null, 0, 0, null));
                case "step-end" -> stepEnd(step, line);
                case "verify" -> verify(step, line);
                case "undo" -> undo(step, line);
                default -> events.add(line);
            }
        }

        private void runStart(Map<String, Object> line) {
            attempts++;
            latest = line;
            if (start.isEmpty()) {
                start.putAll(line);
                firstStart = Instant.parse(text(line, "time"));
            } else {
                events.add(line);
            }
            end = null;
        }

        private void stepEnd(String id, Map<String, Object> line) {
            StepRecord before = steps.get(id);
            steps.remove(id);
            steps.put(
                    id,
                    new StepRecord(
                            id,
                            text(line, "status"),
                            before == null ? null : before.describe(),
                            cast(line.getOrDefault("outputs", Map.of())),
                            text(line, "message"),
                            number(line, "attempts"),
                            number(line, "duration_ms"),
                            null));
        }

        private void verify(String step, Map<String, Object> line) {
            if (step != null && step.startsWith("verify:")) {
                verifies.add(line);
            } else {
                events.add(line);
            }
        }

        private void undo(String id, Map<String, Object> line) {
            StepRecord s = steps.get(id);
            boolean ok = "ok".equals(text(line, "status"));
            String status = ok ? "undone" : "undo-failed";
            if (s != null) {
                steps.put(
                        id,
                        new StepRecord(
                                id,
                                status,
                                s.describe(),
                                s.outputs(),
                                ok ? s.message() : text(line, "message"),
                                s.attempts(),
                                s.durationMs(),
                                text(line, "describe")));
            }
            events.add(line);
        }

        @SuppressWarnings("unchecked")
        RunRecord build() {
            String status;
            String message = null;
            Instant ended = null;
            long duration = 0;
            if (end != null) {
                status = text(end, "status");
                message = text(end, "message");
                ended = Instant.parse(text(end, "time"));
                duration =
                        ended.toEpochMilli() - (firstStart == null ? ended.toEpochMilli() : firstStart.toEpochMilli());
            } else {
                status = alive.test(latest) ? "running" : "crashed";
            }
            Object given = start.getOrDefault("given", List.of());
            return new RunRecord(
                    text(start, "run_id"),
                    text(start, "runbook"),
                    text(start, "path"),
                    text(start, "plan_hash"),
                    cast(start.getOrDefault("params", Map.of())),
                    given instanceof List<?> l ? (List<String>) l : List.of(),
                    text(start, "user"),
                    text(start, "host"),
                    number(start, "pid"),
                    firstStart,
                    ended,
                    status,
                    message,
                    duration,
                    attempts,
                    steps,
                    verifies,
                    events,
                    torn);
        }
    }

    /** A run started on this host whose process still lives. */
    private static boolean aliveHere(Map<String, Object> start) {
        String host = text(start, "host");
        if (host == null || !host.equals(hostName())) {
            return false;
        }
        return ProcessHandle.of(number(start, "pid"))
                .map(ProcessHandle::isAlive)
                .orElse(false);
    }

    /** This machine's name as journals and locks record it. */
    public static String hostName() {
        return Host.NAME;
    }

    /** Looked up once: the lookup may be slow where DNS is. */
    private static final class Host {
        static final String NAME = lookup();

        private static String lookup() {
            String env = System.getenv("HOSTNAME");
            if (env != null && !env.isBlank()) {
                return env;
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        }
    }
}
