package dev.runbook.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A child process to run: argv (never through a shell unless argv says so), extra environment, working
 * directory, text for stdin, a time limit (null: none but the step's), and a sink for output lines as they come.
 */
public record Command(
        List<String> argv, Map<String, String> env, Path cwd, String stdin, Duration timeout, Consumer<String> onLine) {
    public Command {
        argv = List.copyOf(argv);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), null, null, null, null);
    }

    public static Command of(String... argv) {
        return of(List.of(argv));
    }

    public Command withEnv(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(env);
        merged.putAll(more);
        return new Command(argv, merged, cwd, stdin, timeout, onLine);
    }

    public Command withCwd(Path dir) {
        return new Command(argv, env, dir, stdin, timeout, onLine);
    }

    public Command withStdin(String text) {
        return new Command(argv, env, cwd, text, timeout, onLine);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, env, cwd, stdin, limit, onLine);
    }

    public Command withOnLine(Consumer<String> sink) {
        return new Command(argv, env, cwd, stdin, timeout, sink);
    }

    public String display() {
        return String.join(" ", argv);
    }
}
