package dev.runbook.engine;

import dev.runbook.json.Json;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The run's durable record: one JSON object per line in {@code runs/<run-id>/journal.jsonl}, appended through one
 * open stream (not a FileChannel: an interrupted step thread, as on Ctrl-C, would close an interruptible channel
 * for good, and the journal would lose exactly the lines resume needs). Every line is written before the engine
 * goes on, so a killed process loses nothing. Run start and end, step start and undo are also forced to disk
 * (fsync) at once, so a step or an undo never starts without its start on disk; a step's end is forced with the next
 * forced line (group commit: the next step's start, an undo or the run's end), which halves the fsyncs. If the
 * machine itself dies in between, resume finds a step that started and never ended and re-checks it, which is
 * the safe reading. Step output lines are left out (the step's end holds its outputs). A resumed run appends to
 * the same file.
 *
 * <p>The fsync itself runs outside the write lock, and one fsync covers every line written before it: steps of one
 * wave that start together share it (one fsync per wave, not per step), and none of them goes on before its own
 * start line is on disk.
 *
 * <p>A write that fails does not stop the run (the run matters more than its record): the first failure is kept
 * and reported by {@link #failure()}, and nothing more is written.
 */
public final class Journal implements RunJournal {
    public static final String FILE = "journal.jsonl";
    private static final Set<String> FORCED =
            Set.of("run-start", "step-start", "undo-start", "undo", "run-end", "lock-takeover");
    private final FileOutputStream out;
    private final Map<String, Object> header;
    private final Clock clock;
    private final Object syncLock = new Object();
    private IOException failure;
    private boolean headerWritten;
    private long written; // lines written so far
    private long synced; // lines known to be on disk (guarded by syncLock)

    private Journal(FileOutputStream out, Map<String, Object> header, Clock clock) {
        this.out = out;
        this.header = new LinkedHashMap<>(header);
        this.clock = clock;
    }

    /**
     * Opens (creating or appending to) a journal.
     *
     * @param header extra fields for the first run-start line: plan hash, runbook path, params (masked), user...
     */
    public static Journal open(Path file, Map<String, Object> header, Clock clock) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new Journal(new FileOutputStream(file.toFile(), true), header, clock);
    }

    @Override
    public void on(Event event) {
        if ("step-output".equals(event.kind())) {
            return;
        }
        long seq;
        synchronized (this) {
            Map<String, Object> line = JsonLinesListener.toMap(event);
            if ("run-start".equals(event.kind()) && !headerWritten) {
                headerWritten = true;
                header.forEach(line::putIfAbsent);
            }
            seq = write(line);
        }
        if (FORCED.contains(event.kind())) {
            force(seq);
        }
    }

    @Override
    public void note(String kind, Map<String, Object> data) {
        long seq;
        synchronized (this) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("event", kind);
            line.put("time", clock.instant().toString());
            line.putAll(data);
            seq = write(line);
        }
        if (FORCED.contains(kind)) {
            force(seq);
        }
    }

    /** Appends one line; returns its number (0 when nothing is written any more). */
    private long write(Map<String, Object> line) {
        if (failure != null) {
            return 0;
        }
        byte[] bytes = (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write(bytes);
            return ++written;
        } catch (IOException e) {
            failure = e;
            return 0;
        }
    }

    /** Returns once line {@code seq} is on disk: at once if a later fsync already covered it. */
    private void force(long seq) {
        synchronized (syncLock) {
            if (seq == 0 || synced >= seq) {
                return;
            }
            long upTo;
            synchronized (this) {
                if (failure != null) {
                    return;
                }
                upTo = written;
            }
            try {
                out.getFD().sync();
                synced = upTo;
            } catch (IOException e) {
                synchronized (this) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        }
    }

    @Override
    public synchronized IOException failure() {
        return failure;
    }

    @Override
    public synchronized void close() {
        try {
            out.getFD().sync();
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
