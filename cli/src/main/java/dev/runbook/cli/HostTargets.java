package dev.runbook.cli;

import dev.runbook.inventory.Host;
import dev.runbook.spi.Target;

/** Where a host's commands run: this machine for a local host, else over SSH. One per run; closes what it opened. */
interface HostTargets extends AutoCloseable {
    Target of(Host host);

    @Override
    void close();
}
