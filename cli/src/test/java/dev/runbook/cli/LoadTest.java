package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big runbooks stay correct and within memory (the CLI runs as a child JVM with {@code -Xmx256m}), and many runs
 * in one JVM leak no threads, child processes or file handles. Time limits here are hang guards, not budgets:
 * the budgets are benchmarks (bench/, BENCHMARKS.md).
 */
class LoadTest {
    private static final Duration HANG = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void tenThousandStepsCheckPlanAndRunIn256MiB() throws Exception {
        Path rb = dir.resolve("big.rb");
        StringBuilder text = new StringBuilder("runbook \"big\" {\n  param base: path = \"" + dir + "\"\n");
        for (int i = 1; i <= 10_000; i++) {
            String read = i % 10 == 0 ? "-${steps.s" + (i - 1) + ".size}" : "";
            text.append("  step s")
                    .append(i)
                    .append(" = file.exists { path: \"${base}/f")
                    .append(i)
                    .append(read)
                    .append("\" }\n");
        }
        Files.writeString(rb, text.append("}\n"));

        Child check = child("check", rb.toString());
        assertEquals(0, check.code, check.output);
        assertTrue(check.output.contains("(10000 steps)"), check.output);

        Child plan = child("plan", rb.toString(), "--format", "json");
        assertEquals(0, plan.code, tail(plan.output));
        assertEquals(10_000, count(plan.output, "\"id\": \"s") + count(plan.output, "\"id\":\"s"), tail(plan.output));

        Child run = child("run", "--yes", rb.toString());
        assertEquals(0, run.code, tail(run.output));
        assertTrue(run.output.contains("all 10000 steps done"), tail(run.output));
    }

    @Test
    void aWaveOf500ParallelStepsRunsIn256MiB() throws Exception {
        Path rb = dir.resolve("wave.rb");
        StringBuilder text =
                new StringBuilder("runbook \"wave\" {\n  step first = wait { duration: 1ms }\n" + "  parallel {\n");
        for (int i = 1; i <= 500; i++) {
            text.append("    step w").append(i).append(" = wait { duration: 10ms }\n");
        }
        Files.writeString(rb, text.append("  }\n  step last = wait { duration: 1ms }\n}\n"));

        Child plan = child("plan", rb.toString());
        assertEquals(0, plan.code, tail(plan.output));
        Child run = child("run", "--yes", "--parallel", "500", rb.toString());
        assertEquals(0, run.code, tail(run.output));
        assertTrue(run.output.contains("all 502 steps done"), tail(run.output));
    }

    @Test
    void fiftyRunsInOneJvmLeakNoThreadsProcessesOrFiles() throws Exception {
        List<String[]> commands = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            Path rb = dir.resolve("r" + i + (i % 5 == 0 ? ".yaml" : ".rb"));
            Files.writeString(rb, i % 5 == 0 ? yaml(i) : dsl(i));
            commands.add(
                    switch (i % 3) {
                        case 0 -> new String[] {"check", rb.toString()};
                        case 1 -> new String[] {"plan", rb.toString(), "--format", "json"};
                        default -> new String[] {"run", "--yes", "--parallel", "3", rb.toString()};
                    });
        }
        Files.writeString(dir.resolve("broken.rb"), "runbook \"b\" {\n  step a = nope {}\n");
        // warm up: classes, the process reaper, the common pool and lazily opened files exist from here on
        for (String[] c : commands.subList(0, 3)) {
            assertEquals(0, inProcess(c));
        }
        int threads = Thread.getAllStackTraces().size();
        long children = ProcessHandle.current().descendants().count();
        int files = openFiles();

        assertTimeoutPreemptively(HANG, () -> {
            for (String[] c : commands) {
                assertEquals(0, inProcess(c), String.join(" ", c));
            }
            assertEquals(3, inProcess("check", dir.resolve("broken.rb").toString()));
        });

        waitForExits(threads + 4, children);
        int threadsAfter = Thread.getAllStackTraces().size();
        assertTrue(
                threadsAfter <= threads + 4,
                "threads: " + threads + " before, " + threadsAfter + " after:\n"
                        + Thread.getAllStackTraces().keySet());
        assertEquals(children, ProcessHandle.current().descendants().count(), "child processes left behind");
        int filesAfter = openFiles();
        assertTrue(filesAfter <= files + 4, "open files: " + files + " before, " + filesAfter + " after");
    }

    private static String dsl(int i) {
        StringBuilder text = new StringBuilder("runbook \"r" + i + "\" {\n  param n: int = " + i + "\n");
        for (int s = 1; s <= 1 + i % 7; s++) {
            text.append(
                    s % 3 == 0
                            ? "  step s" + s + " = exec { argv: [\"true\"] }\n"
                            : "  step s" + s + " = wait { duration: 1ms }\n    verify it.waited >= 0s\n");
        }
        return text.append("  finally {\n    step done = wait { duration: 1ms }\n  }\n}\n")
                .toString();
    }

    private static String yaml(int i) {
        return "runbook: r" + i + "\nsteps:\n  - {id: a, type: wait, with: {duration: 1ms}}\n"
                + "  - parallel:\n      - {id: b, type: exec, with: {argv: [\"true\"]}}\n"
                + "      - {id: c, type: wait, with: {duration: 2ms}}\n";
    }

    private static int inProcess(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int code = Main.run(out, out, args);
        if (code != 0 && code != 3) {
            System.err.println(sink.toString(StandardCharsets.UTF_8));
        }
        return code;
    }

    /**
     * Threads and processes that end asynchronously (a pool's workers after shutdown, a reaped child) get up to 5 s
     * to do so; the assertions after this say whether they did.
     */
    private static void waitForExits(int threads, long children) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline
                && (Thread.getAllStackTraces().size() > threads
                        || ProcessHandle.current().descendants().count() > children)) {
            Thread.sleep(20);
        }
    }

    private static int openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        }
    }

    private record Child(int code, String output) {}

    /** The CLI in a child JVM with 256 MiB of heap; output to a file, since it can be long. */
    private Child child(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.runbook.cli.Main"));
        command.addAll(List.of(args));
        File log = dir.resolve("child-" + System.nanoTime() + ".log").toFile();
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        if (!p.waitFor(HANG.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("hangs: " + String.join(" ", args));
        }
        String output = Files.readString(log.toPath());
        assertTrue(!output.contains("OutOfMemoryError"), tail(output));
        return new Child(p.exitValue(), output);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static String tail(String output) {
        return output.length() > 3000 ? "..." + output.substring(output.length() - 3000) : output;
    }
}
