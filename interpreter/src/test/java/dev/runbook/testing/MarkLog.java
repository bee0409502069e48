package dev.runbook.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** The {@code marks.log} file that {@link MarkStep} writes: one {@code <name> <event> <nanoTime>} line each. */
public final class MarkLog {
    public static final String FILE = "marks.log";
    private final Path file;

    private MarkLog(Path file) {
        this.file = file;
    }

    public static MarkLog in(Path dir) {
        return new MarkLog(dir.resolve(FILE));
    }

    public record Mark(String name, String event, long nanos) {}

    /** Appends one line with a single write to an O_APPEND channel, so parallel steps never interleave. */
    void append(String name, String event) {
        byte[] line = (name + " " + event + " " + System.nanoTime() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Mark> marks() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Mark> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split(" ");
                out.add(new Mark(parts[0], parts[1], Long.parseLong(parts[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The names in the order their {@code event} was logged. */
    public List<String> names(String event) {
        return marks().stream()
                .filter(m -> m.event().equals(event))
                .map(Mark::name)
                .toList();
    }

    /** Every line as {@code name event}, in order: what tests compare sequences with. */
    public List<String> sequence() {
        return marks().stream().map(m -> m.name() + " " + m.event()).toList();
    }

    public long count(String name, String event) {
        return marks().stream()
                .filter(m -> m.name().equals(name) && m.event().equals(event))
                .count();
    }

    /** The nanoTime of the first {@code event} of {@code name}. */
    public long time(String name, String event) {
        return times(name, event).stream()
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no `" + name + " " + event + "` in " + sequence()));
    }

    public List<Long> times(String name, String event) {
        return marks().stream()
                .filter(m -> m.name().equals(name) && m.event().equals(event))
                .map(Mark::nanos)
                .toList();
    }
}
