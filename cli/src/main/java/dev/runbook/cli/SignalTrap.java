package dev.runbook.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns SIGINT and SIGTERM into a cancel flag, so a run stops at its next safe point, undoes and runs its
 * finally steps, instead of the JVM dying mid-step. A second Ctrl-C leaves at once.
 */
final class SignalTrap implements AutoCloseable {
    private final AtomicBoolean cancel;
    private final java.util.List<Object[]> previous = new java.util.ArrayList<>();

    SignalTrap(AtomicBoolean cancel, java.io.PrintStream err) {
        this.cancel = cancel;
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal signal = new sun.misc.Signal(name);
                sun.misc.SignalHandler old = sun.misc.Signal.handle(signal, s -> {
                    if (cancel.getAndSet(true)) {
                        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                    }
                    err.println("\nrunbook: stopping at the next safe point (undo and finally will run); "
                            + "press Ctrl-C again to leave at once");
                });
                previous.add(new Object[] {signal, old});
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this platform has no such signal; the JVM default stays
            }
        }
    }

    @Override
    public void close() {
        for (Object[] p : previous) {
            sun.misc.Signal.handle((sun.misc.Signal) p[0], (sun.misc.SignalHandler) p[1]);
        }
    }
}
