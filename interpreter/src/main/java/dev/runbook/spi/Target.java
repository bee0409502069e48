package dev.runbook.spi;

import java.io.IOException;

/**
 * Where commands run. Local today; the seam for running the same plan on other hosts later. {@code run} blocks
 * until the process ends; on timeout or interrupt it kills the whole process tree (TERM, then KILL) before it
 * returns or throws.
 */
public interface Target {
    ProcessResult run(Command command) throws IOException, InterruptedException;

    /** A short name for messages, e.g. "local". */
    String name();

    /**
     * True when commands run on this machine, so a step may look at a path with Java before it runs a command
     * there; false for a remote host, whose paths only its commands can see.
     */
    default boolean local() {
        return true;
    }
}
