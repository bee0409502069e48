package dev.runbook.engine;

import dev.runbook.spi.Command;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.Target;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs commands on this machine. Output is read on two pooled threads (threads are reused from one process to the
 * next: starting two new threads per process cost more than the spawn itself) and captured up to a cap; on timeout
 * or interrupt the whole process tree gets SIGTERM, then SIGKILL after a grace period, so a child that ignores TERM
 * still dies. A command with no stdin reads /dev/null (no pipe to make and close).
 */
public final class LocalTarget implements Target, AutoCloseable {
    static final int CAPTURE_LIMIT = 1 << 20;
    private static final File NO_INPUT = new File("/dev/null");
    // idle pumps end after two seconds, so a target nobody closes leaves no threads behind for long
    private final ExecutorService pumps =
            new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "runbook-output");
                t.setDaemon(true);
                return t;
            });
    private final Duration grace;

    public LocalTarget() {
        this(Duration.ofSeconds(2));
    }

    public LocalTarget(Duration grace) {
        this.grace = grace;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public ProcessResult run(Command command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        if (command.cwd() != null) {
            builder.directory(command.cwd().toFile());
        }
        Map<String, String> env = builder.environment();
        env.putAll(command.env());
        boolean noInput = command.stdin() == null && NO_INPUT.exists();
        if (noInput) {
            builder.redirectInput(NO_INPUT);
        }
        long started = System.nanoTime();
        Process process = builder.start();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Future<?> outReader = pumps.submit(() -> pump(process.getInputStream(), out, command.onLine()));
        Future<?> errReader = pumps.submit(() -> pump(process.getErrorStream(), err, command.onLine()));
        if (!noInput) {
            writeStdin(process, command.stdin());
        }
        boolean timedOut = false;
        try {
            if (command.timeout() == null) {
                process.waitFor();
            } else if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                killTree(process.toHandle());
            }
        } catch (InterruptedException e) {
            killTree(process.toHandle());
            throw e;
        }
        drained(outReader);
        drained(errReader);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        int code = process.isAlive() ? -1 : process.exitValue();
        return new ProcessResult(code, text(out), text(err), timedOut, elapsed);
    }

    /** Lets the output threads end (a pump still reading a grandchild's output ends with that output). */
    @Override
    public void close() {
        pumps.shutdown();
    }

    /** TERM to the process and every descendant (found before any dies), then KILL to what is left. */
    public void killTree(ProcessHandle root) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && tree.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(20);
        }
        tree.addAll(root.descendants().toList());
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) {
            h.onExit().completeOnTimeout(h, 2, TimeUnit.SECONDS).join();
        }
    }

    private static void writeStdin(Process process, String stdin) {
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the child closed stdin early; its exit code tells the rest
        }
    }

    /** Waits up to a second for a pump to reach the end of its stream (a grandchild may hold it open longer). */
    private static void drained(Future<?> pump) throws InterruptedException {
        try {
            pump.get(1, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // what was read so far is the output; a grandchild that keeps the pipe open does not hold the step
        }
    }

    private static void pump(InputStream stream, StringBuilder sink, Consumer<String> onLine) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (sink) {
                    if (sink.length() < CAPTURE_LIMIT) {
                        sink.append(line).append('\n');
                    }
                }
                if (onLine != null) {
                    onLine.accept(line);
                }
            }
        } catch (IOException ignored) {
            // the stream closed when the process was killed
        }
    }

    private static String text(StringBuilder sb) {
        synchronized (sb) {
            return sb.toString();
        }
    }
}
