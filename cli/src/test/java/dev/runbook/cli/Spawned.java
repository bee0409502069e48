package dev.runbook.cli;

import dev.runbook.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** The CLI as a real process (its own JVM), for tests that kill it or race two of them. */
final class Spawned {
    private final Process process;
    private final Path out;
    private final Path err;

    private Spawned(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static Spawned start(Path dir, String name, String... args) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                cp,
                "dev.runbook.cli.Main"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new Spawned(p, out, err);
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    int waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            killHard();
            throw new AssertionError("the CLI did not exit within " + limit + "; stderr: " + err());
        }
        return process.exitValue();
    }

    /** SIGKILL to the JVM, then to the processes it had started (which would otherwise live on as orphans). */
    void killHard() throws InterruptedException {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        children.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : children) {
            h.onExit().completeOnTimeout(h, 5, TimeUnit.SECONDS).join();
        }
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls until the condition holds; fails after the limit. */
    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The only run in a state dir, or null while there is none yet. */
    static String onlyRunId(Path stateDir) {
        Path runs = stateDir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return null;
        }
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> all = s.toList();
            return all.size() == 1 ? all.get(0).getFileName().toString() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the journal of the only run holds an event of this kind for this step. */
    static boolean journalHas(Path stateDir, String event, String step) {
        String id = onlyRunId(stateDir);
        if (id == null) {
            return false;
        }
        for (Map<String, Object> line :
                journalLines(stateDir.resolve("runs").resolve(id).resolve("journal.jsonl"))) {
            if (event.equals(line.get("event")) && (step == null || step.equals(line.get("step")))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> journalLines(Path journal) {
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                try {
                    out.add((Map<String, Object>) Json.parse(line));
                } catch (RuntimeException torn) {
                    break;
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
