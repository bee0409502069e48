package dev.runbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.Command;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.Target;
import dev.runbook.ssh.SshException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retry of an idempotent step's command after a lost connection, against a stand-in transport that loses its
 * first connection (a real loss at an exact moment cannot be arranged here; SshTargetTest proves that a real loss is
 * reported as {@code connectionLost()}).
 */
class ReconnectingTargetTest {
    /** Runs commands locally, but first fails {@code failures} times with the given kind of ssh failure. */
    static final class StandInTransportThatFails implements Target {
        private final LocalTarget local = new LocalTarget();
        private final SshException.Kind kind;
        private int failures;
        final List<String> ran = new ArrayList<>();

        StandInTransportThatFails(SshException.Kind kind, int failures) {
            this.kind = kind;
            this.failures = failures;
        }

        @Override
        public ProcessResult run(Command command) throws IOException, InterruptedException {
            if (failures-- > 0) {
                throw new SshException(kind, "web3", "host web3 (10.0.0.3): connection lost (broken pipe)");
            }
            ran.add(command.display());
            return local.run(command);
        }

        @Override
        public String name() {
            return "web3";
        }

        @Override
        public boolean isLocal() {
            return false;
        }
    }

    @Test
    void aLostConnectionIsRetriedOnceAndSaidSo() throws Exception {
        StandInTransportThatFails transport = new StandInTransportThatFails(SshException.Kind.CONNECTION_LOST, 1);
        List<String> log = new ArrayList<>();
        ProcessResult r = new ReconnectingTarget(transport, log::add).run(Command.of("echo", "hi"));
        assertEquals(0, r.exitCode());
        assertEquals(List.of("echo hi"), transport.ran);
        assertTrue(log.get(0).contains("connection lost") && log.get(0).contains("once more"), log.toString());
    }

    @Test
    void aSecondLossFailsTheCommand() {
        StandInTransportThatFails transport = new StandInTransportThatFails(SshException.Kind.CONNECTION_LOST, 2);
        SshException e = assertThrows(
                SshException.class, () -> new ReconnectingTarget(transport, s -> {}).run(Command.of("true")));
        assertTrue(e.connectionLost());
    }

    @Test
    void anUnknownHostKeyIsNeverRetried() {
        StandInTransportThatFails transport = new StandInTransportThatFails(SshException.Kind.HOST_KEY, 1);
        assertThrows(SshException.class, () -> new ReconnectingTarget(transport, s -> {}).run(Command.of("true")));
        assertEquals(List.of(), transport.ran);
    }
}
