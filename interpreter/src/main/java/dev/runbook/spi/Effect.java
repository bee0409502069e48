package dev.runbook.spi;

import java.util.Locale;

/** What running a step does to the world. A dry run executes only {@code READ} steps, and only with --probe. */
public enum Effect {
    /** Only looks: safe in a dry run, idempotent. */
    READ,
    /** Changes something on this machine or a server we manage. */
    WRITE,
    /** Reaches outside (a webhook, a notification, a human): cannot be undone. */
    EXTERNAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
