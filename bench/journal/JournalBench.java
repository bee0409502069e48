import dev.runbook.check.CheckContext;
import dev.runbook.check.Checker;
import dev.runbook.check.rules.CheckRules;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.engine.Approver;
import dev.runbook.engine.Event;
import dev.runbook.engine.Interpreter;
import dev.runbook.engine.Journal;
import dev.runbook.engine.LocalTarget;
import dev.runbook.engine.RunListener;
import dev.runbook.engine.RunOptions;
import dev.runbook.engine.RunResult;
import dev.runbook.engine.RunStatus;
import dev.runbook.model.Runbook;
import dev.runbook.plan.BoundParams;
import dev.runbook.plan.Redactor;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepResult;
import dev.runbook.syntax.RunbookReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The journal's added cost per step, on the disk the journal directory is on. Two measurements:
 * (1) the listener alone: a step's journal lines (start, verify, end; start and end fsynced) N times;
 * (2) a whole run of N in-process steps (file.write), with and without the journal, rounds alternated, medians.
 * Usage: java -cp cli/target/runbook.jar bench/journal/JournalBench.java [DIR] [STEPS] [ROUNDS]
 */
public class JournalBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/journal/target").toAbsolutePath();
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Files.createDirectories(dir);
        System.out.printf("disk: %s (%s)%n", dir.toAbsolutePath(), Files.getFileStore(dir));
        listenerAlone(dir, steps * 5);
        wholeRun(dir, steps, rounds);
    }

    static void listenerAlone(Path dir, int n) throws Exception {
        Clock clock = Clock.systemUTC();
        Path file = dir.resolve("alone/journal.jsonl");
        Files.deleteIfExists(file);
        List<Long> times = new ArrayList<>();
        try (Journal j = Journal.open(file, Map.of("plan_hash", "x"), clock)) {
            j.on(new Event("run-start", null, clock.instant(), Map.of("runbook", "bench", "run_id", "b")));
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                String id = "step" + i;
                j.on(new Event("step-start", id, clock.instant(), Map.of("type", "exec", "describe", "run `true`")));
                j.on(new Event("verify", id, clock.instant(), Map.of("expect", "it.exit_code == 0", "ok", true)));
                j.on(new Event("step-end", id, clock.instant(), Map.of("status", "ok", "attempts", 1L,
                        "duration_ms", 3L, "outputs", Map.of("exit_code", 0L, "stdout", "some output\n"))));
                times.add(System.nanoTime() - t);
            }
        }
        Collections.sort(times);
        System.out.printf("listener alone, %d steps: median %.3f ms/step, p90 %.3f ms, p99 %.3f ms%n", n,
                times.get(n / 2) / 1e6, times.get(n * 9 / 10) / 1e6, times.get(n * 99 / 100) / 1e6);
    }

    static void wholeRun(Path dir, int steps, int rounds) throws Exception {
        StringBuilder rb = new StringBuilder("runbook \"bench\" {\n  param dir: path \"where\"\n");
        for (int i = 0; i < steps; i++) {
            rb.append("  step s").append(i).append(" = file.write { path: \"${dir}/f").append(i % 10)
                    .append("\", content: \"").append(i).append("\" }\n");
        }
        rb.append("}\n");
        Path file = dir.resolve("bench.rb");
        Files.writeString(file, rb);
        StepRegistry registry = StepRegistry.load();
        Diagnostics diagnostics = new Diagnostics();
        Runbook runbook = new RunbookReader((f, d) -> null).read(file, diagnostics);
        CheckContext checked = new Checker(registry, (caller, target, where, d) -> null, CheckRules.all()).check(runbook, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new IllegalStateException(diagnostics.sorted().toString());
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        BoundParams params = new BoundParams(Map.of("dir", work.toString()), Set.of());
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        run(registry, checked, params, dir, false, 0);
        run(registry, checked, params, dir, true, 0);
        for (int r = 0; r < rounds; r++) {
            without.add(run(registry, checked, params, dir, false, r + 1) / steps);
            with.add(run(registry, checked, params, dir, true, r + 1) / steps);
        }
        Collections.sort(without);
        Collections.sort(with);
        double a = without.get(rounds / 2);
        double b = with.get(rounds / 2);
        System.out.printf("whole run, %d file.write steps x %d rounds: without journal %.3f ms/step, with %.3f "
                + "ms/step, added %.3f ms/step%n", steps, rounds, a, b, b - a);
    }

    static double run(StepRegistry registry, CheckContext checked, BoundParams params, Path dir, boolean journal,
                      int round) throws Exception {
        RunListener none = e -> { };
        Approver approver = new Approver() {
            public boolean canAsk(String stepId) {
                return true;
            }

            public boolean approve(String stepId, String question) {
                return true;
            }
        };
        Path jf = dir.resolve("runs/r" + round + (journal ? "j" : "n") + "/journal.jsonl");
        Files.deleteIfExists(jf);
        try (Journal j = Journal.open(jf, Map.of(), Clock.systemUTC())) {
            RunListener listener = journal ? j : none;
            Interpreter interpreter = new Interpreter(registry, new LocalTarget(), approver, listener,
                    (caller, inv, p, ctx) -> StepResult.failed("no calls"), new Redactor());
            RunOptions options = new RunOptions(1, dir, System.getenv(), Clock.systemUTC(), "bench");
            long t = System.nanoTime();
            RunResult result = interpreter.run(
                    new dev.runbook.plan.Program(checked.runbook(), checked.graph(), java.util.Map.of()),
                    params,
                    options,
                    new AtomicBoolean());
            double ms = (System.nanoTime() - t) / 1e6;
            if (result.status() != RunStatus.OK) {
                throw new IllegalStateException(result.message());
            }
            return ms;
        }
    }
}
