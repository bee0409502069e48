package dev.runbook.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** What the engine gives a running step. Everything that touches the outside world comes through here. */
public interface StepContext {
    /** The id of the running step (for messages and temp names). */
    String stepId();

    /** The directory of the runbook file: relative paths in arguments resolve against it. */
    Path workDir();

    /** Resolves a path argument against {@link #workDir()}. */
    default Path resolve(String path) {
        return workDir().resolve(path).normalize();
    }

    /** The environment the run started with; child processes inherit it. */
    Map<String, String> env();

    /** Runs child processes. */
    Target target();

    /** A line of progress or streamed output, shown to the operator (secrets are masked by the engine). */
    void log(String line);

    Clock clock();

    /** Masks every secret value in a text: use it on anything a step puts into an output or message. */
    String redact(String text);

    /**
     * Asks the operator to approve something (a TTY prompt, or --yes / --approve). False means refused; with no
     * TTY and no approval the engine refuses.
     */
    boolean confirm(String question) throws InterruptedException;

    /** True once the operator asked to stop; long loops should check it and return early. */
    boolean cancelled();

    /**
     * A drill's failure part-way through this step's own work ({@code runbook drill --part-way}): true when the
     * engine was asked to make this step fail at the point its type declares ({@link StepType#partWay()}). The step
     * then stops there and fails as it would if what comes next had broken, reporting what it did so far. Always
     * false outside such a drill, and in undos.
     */
    default boolean failsHere(String point) {
        return false;
    }
}
