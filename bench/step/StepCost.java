import dev.runbook.engine.Event;
import dev.runbook.engine.Journal;
import dev.runbook.engine.LocalTarget;
import dev.runbook.spi.Command;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the time of one exec step goes, part by part, measured in one process so that each part is timed alone:
 * a bare spawn of /bin/true with no pipes (the floor), a spawn with pipes read on the calling thread, the engine's
 * LocalTarget (pipes, output pumps, exit), and the journal's lines of one step (start forced to disk, end written).
 * The parts run in turn, round after round, so a change in the machine's load hits all of them; each prints the
 * median of its per-step times over the rounds, in microseconds.
 *
 * <p>Usage: java -Djdk.lang.Process.launchMechanism=VFORK -cp cli/target/runbook.jar bench/step/StepCost.java
 * [STEPS] [ROUNDS] [DIR]
 */
public class StepCost {
    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path dir = Files.createTempDirectory(args.length > 2 ? Path.of(args[2]) : Path.of("/tmp"), "stepcost");
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("spawn + exit, no pipes (floor)", StepCost::bare);
        parts.put("spawn + exit, pipes read on the caller", StepCost::piped);
        parts.put("LocalTarget.run (pumps, exit)", StepCost::local);
        parts.put("journal: step-start forced + step-end", n -> journal(dir, n));
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        parts.keySet().forEach(k -> micros.put(k, new ArrayList<>()));
        for (Part p : parts.values()) {
            p.run(20); // warm-up
        }
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Part> p : parts.entrySet()) {
                long t0 = System.nanoTime();
                p.getValue().run(steps);
                micros.get(p.getKey()).add((System.nanoTime() - t0) / 1000.0 / steps);
            }
        }
        System.out.printf("per step, median of %d rounds of %d steps (microseconds):%n", rounds, steps);
        micros.forEach((k, v) -> System.out.printf("  %-42s %8.0f   (min %.0f, max %.0f)%n", k, median(v),
                Collections.min(v), Collections.max(v)));
    }

    interface Part {
        void run(int n) throws Exception;
    }

    static void bare(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            Process p = new ProcessBuilder("/bin/true")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor();
        }
    }

    static void piped(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            Process p = new ProcessBuilder("/bin/true").start();
            p.getOutputStream().close();
            try (InputStream out = p.getInputStream(); InputStream err = p.getErrorStream()) {
                out.readAllBytes();
                err.readAllBytes();
            }
            p.waitFor();
        }
    }

    static void local(int n) throws Exception {
        LocalTarget target = new LocalTarget();
        Consumer<String> sink = line -> {};
        Command c = Command.of("/bin/true").withOnLine(sink);
        for (int i = 0; i < n; i++) {
            target.run(c);
        }
    }

    static void journal(Path dir, int n) throws Exception {
        Path file = dir.resolve("journal-" + System.nanoTime() + ".jsonl");
        Clock clock = Clock.systemUTC();
        try (Journal j = Journal.open(file, Map.of("plan_hash", "x"), clock)) {
            for (int i = 0; i < n; i++) {
                j.on(new Event("step-start", "s" + i, clock.instant(), Map.of("type", "exec", "describe", "run `true`")));
                Map<String, Object> end = new LinkedHashMap<>();
                end.put("status", "ok");
                end.put("attempts", 1L);
                end.put("duration_ms", 1L);
                end.put("outputs", Map.of("exit_code", 0L, "stdout", "", "stderr", "", "duration", "1ms"));
                j.on(new Event("step-end", "s" + i, clock.instant(), end));
            }
        }
        Files.delete(file);
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
