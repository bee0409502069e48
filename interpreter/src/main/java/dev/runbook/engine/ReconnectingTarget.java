package dev.runbook.engine;

import dev.runbook.spi.Command;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.Target;
import dev.runbook.ssh.SshException;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The target of an idempotent step on a remote host: a command whose connection was lost is run once more over a
 * new connection, as running it twice leaves the host as running it once. Every other step gets the plain target,
 * and a lost connection fails it with ssh's reason: what the command did before the loss is unknown.
 */
final class ReconnectingTarget implements Target {
    private final Target inner;
    private final Consumer<String> log;

    ReconnectingTarget(Target inner, Consumer<String> log) {
        this.inner = inner;
        this.log = log;
    }

    @Override
    public ProcessResult run(Command command) throws IOException, InterruptedException {
        try {
            return inner.run(command);
        } catch (SshException e) {
            if (!e.connectionLost()) {
                throw e;
            }
            log.accept(e.getMessage() + "; the step only reads or is idempotent: running the command once more");
            return inner.run(command);
        }
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public boolean isLocal() {
        return inner.isLocal();
    }
}
