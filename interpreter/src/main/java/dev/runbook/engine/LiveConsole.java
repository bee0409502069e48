package dev.runbook.engine;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The terminal view: the console's lines as they come, and below them one live line with a spinner and the
 * elapsed time of every step that is running, redrawn ten times a second. Only for a TTY; pipes and files get
 * the plain lines of {@link ConsoleListener}.
 */
public final class LiveConsole implements RunListener, AutoCloseable {
    private static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final String CLEAR = "\r\u001b[K";
    private final PrintStream out;
    private final RunListener lines;
    private final int width;
    private final Map<String, Long> running = new LinkedHashMap<>();
    private ScheduledExecutorService ticker;
    private int depth;
    private int frame;
    private boolean drawn;
    private boolean held;

    public LiveConsole(PrintStream out, RunListener lines, int width) {
        this.out = out;
        this.lines = lines;
        this.width = Math.max(40, width);
    }

    @Override
    public synchronized void on(Event e) {
        clear();
        lines.on(e);
        switch (e.kind()) {
            case "run-start" -> start();
            case "step-start" -> running.put(e.step(), System.nanoTime());
            case "step-end" -> running.remove(e.step());
            case "run-end" -> stop();
            default -> {}
        }
        draw();
    }

    private void start() {
        if (depth++ == 0 && ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "runbook-live");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    private void stop() {
        if (--depth <= 0) {
            depth = 0;
            running.clear();
            close();
        }
    }

    /** Stops drawing (and clears the live line) while a question is asked on the terminal, or starts again. */
    public synchronized void hold(boolean on) {
        held = on;
        if (on) {
            clear();
            out.flush();
        } else {
            draw();
        }
    }

    /** One frame: the spinner moves and the elapsed times grow. */
    synchronized void tick() {
        frame = (frame + 1) % FRAMES.length;
        clear();
        draw();
    }

    private void clear() {
        if (drawn) {
            out.print(CLEAR);
            drawn = false;
        }
    }

    private void draw() {
        if (running.isEmpty() || held) {
            out.flush();
            return;
        }
        StringBuilder line = new StringBuilder(FRAMES[frame]);
        long now = System.nanoTime();
        for (Map.Entry<String, Long> r : running.entrySet()) {
            line.append("  ")
                    .append(r.getKey())
                    .append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.1fs", (now - r.getValue()) / 1e9));
        }
        String text = line.length() > width - 1 ? line.substring(0, width - 2) + "…" : line.toString();
        out.print(text);
        out.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        clear();
        out.flush();
    }
}
