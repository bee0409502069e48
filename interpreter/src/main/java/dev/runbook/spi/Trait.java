package dev.runbook.spi;

/**
 * What a step type is, beyond its effect class, for the safety lint, the plan diff and the engine. Each step type
 * declares its own ({@link StepType#traits()}); nothing keeps a list of type names.
 */
public enum Trait {
    /** Overwrites or deletes state that a failed run cannot simply put back (a checkout, a restored file). */
    DESTRUCTIVE,
    /** Keeps a copy of state to come back to (a dump, a tag, a file backup). */
    BACKUP,
    /** Reloads or restarts a service: worth a health check afterwards. */
    RELOAD,
    /** Checks health by itself (it fails when the service is unhealthy). */
    HEALTH_CHECK,
    /** Reads the state of a service: a health check when the step verifies what it read. */
    HEALTH_PROBE,
    /** A human gate of its own: asks the operator before the run goes on. */
    CONFIRM,
    /**
     * Runs beside the main steps instead of before the next one (periodic status updates): the steps after it start
     * at once, and when the main steps are done the engine interrupts it, which ends it normally.
     */
    BACKGROUND,
    /**
     * Runs on the host it targets through {@link StepContext#target()}, and only there: it reads and changes nothing
     * on the runner from Java (no files, no network), so it may be a step of an {@code on} block, run on each host.
     */
    ON_HOST
}
