package dev.runbook.cli;

import dev.runbook.engine.LocalTarget;
import dev.runbook.inventory.Host;
import dev.runbook.spi.Target;
import dev.runbook.ssh.SshHost;
import dev.runbook.ssh.SshTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's targets by host: this machine for a local host, one SSH target per remote host (its master connection
 * opened by the first command, shared by the host's later commands and closed at the end of the run).
 */
final class HostConnections implements HostTargets {
    private final LocalTarget local;
    private final Map<String, SshTarget> remote = new ConcurrentHashMap<>();
    private Path controlDir;

    HostConnections(LocalTarget local) {
        this.local = local;
    }

    @Override
    public Target of(Host host) {
        if (host.local()) {
            return local;
        }
        return remote.computeIfAbsent(
                host.name(),
                n -> new SshTarget(
                        new SshHost(host.name(), host.address(), host.user(), host.port(), host.sshOptions()),
                        controlDir(),
                        local));
    }

    private synchronized Path controlDir() {
        if (controlDir == null) {
            try {
                controlDir = SshTarget.newControlDirectory();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a private folder for ssh's control sockets", e);
            }
        }
        return controlDir;
    }

    @Override
    public void close() {
        remote.values().forEach(SshTarget::close);
        remote.clear();
        if (controlDir != null) {
            try {
                java.nio.file.Files.deleteIfExists(controlDir);
            } catch (IOException e) {
                // a socket left by a master that did not exit: the folder stays, private to this user
            }
        }
    }
}
