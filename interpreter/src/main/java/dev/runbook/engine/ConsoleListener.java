package dev.runbook.engine;

import java.io.PrintStream;

/**
 * The operator's view: a line when a step starts and one when it ends (status, time, message), its output
 * indented between them, undo and verify lines. Colour on a terminal unless NO_COLOR is set.
 */
public final class ConsoleListener implements RunListener {
    private final PrintStream out;
    private final boolean color;
    private final boolean verbose;
    private final boolean quiet;

    public ConsoleListener(PrintStream out, boolean color, boolean verbose) {
        this(out, color, verbose, false);
    }

    /** {@code quiet}: leave out what read steps found. */
    public ConsoleListener(PrintStream out, boolean color, boolean verbose, boolean quiet) {
        this.out = out;
        this.color = color;
        this.verbose = verbose;
        this.quiet = quiet;
    }

    @Override
    public synchronized void on(Event e) {
        switch (e.kind()) {
            case "run-start" -> out.println(paint("1", "runbook " + e.text("runbook")) + "  run " + e.text("run_id"));
            case "call-start" -> out.println(paint("1", "↳ " + e.step() + ": runbook " + e.text("runbook")));
            case "call-end" -> out.println(paint("1", "↲ " + e.step() + ": " + e.text("status")));
            case "host-start" -> out.println(paint("1", "↳ " + e.step() + ": on host " + e.text("host")));
            case "host-end" ->
                out.println(paint(
                        "ok".equals(e.text("status")) ? "1" : "1;31",
                        "↲ " + e.step() + ": " + e.text("status")
                                + ("ok".equals(e.text("status")) ? "" : " (" + e.text("message") + ")")));
            case "step-start" -> out.println(paint("36", "▶ " + e.step()) + "  " + e.text("describe"));
            case "step-output" -> {
                if (verbose || !isFinalVerify(e.step())) {
                    out.println("    │ " + e.text("line"));
                }
            }
            case "step-end" -> stepEnd(e);
            case "verify" -> verify(e);
            case "undo-start" -> out.println(paint("33", "↶ undo " + e.step()) + "  " + e.text("describe"));
            case "undo" ->
                out.println(
                        ("ok".equals(e.text("status"))
                                ? paint("33", "↶ undone " + e.step())
                                : paint("31", "✗ undo of " + e.step() + " failed: " + e.text("message"))));
            case "notice" ->
                out.println(paint("33", "! ") + (e.step() == null ? "" : e.step() + ": ") + e.text("message"));
            case "run-end" -> runEnd(e);
            default -> {}
        }
        out.flush();
    }

    private void stepEnd(Event e) {
        String status = e.text("status");
        String time =
                e.get("duration_ms") == null ? "" : "  (" + seconds(((Number) e.get("duration_ms")).longValue()) + ")";
        switch (status) {
            case "ok" -> {
                out.println(paint("32", "✓ " + e.step()) + time);
                if (!quiet && e.get("found") instanceof java.util.List<?> found) {
                    found.forEach(line -> out.println("    " + paint("2", "= ") + line));
                }
            }
            case "skipped" -> out.println(paint("2", "- " + e.step() + " skipped: " + e.text("message")));
            default -> out.println(paint("31", "✗ " + e.step() + " failed: " + e.text("message")) + time);
        }
    }

    private void verify(Event e) {
        boolean ok = Boolean.TRUE.equals(e.get("ok"));
        if (isFinalVerify(e.step())) {
            out.println(ok ? paint("32", "✓ verify " + e.text("name")) : paint("31", "✗ " + e.text("message")));
        } else if (verbose || ok) {
            out.println(
                    "    " + (ok ? paint("32", "verify ok: ") : paint("33", "verify not yet: ")) + e.text("expect"));
        }
    }

    /** A runbook's (or a host's gate's) verify, named {@code verify:NAME}, possibly under a block and host. */
    private static boolean isFinalVerify(String step) {
        return step != null && step.substring(step.lastIndexOf('/') + 1).startsWith("verify:");
    }

    private void runEnd(Event e) {
        String status = e.text("status");
        String line = status.toUpperCase(java.util.Locale.ROOT) + ": " + e.text("message") + "  ("
                + seconds(((Number) e.get("duration_ms")).longValue()) + ")";
        out.println("ok".equals(status) ? paint("1;32", line) : paint("1;31", line));
    }

    private static String seconds(long ms) {
        return ms < 1000 ? ms + "ms" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
