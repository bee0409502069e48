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
     * Whether commands run on the runner's own machine. Only then may a step check a path from Java before its
     * command (that a working directory exists): a target on another host returns false, and the step leaves the
     * check to the command it runs there.
     */
    default boolean isLocal() {
        return true;
    }
}
