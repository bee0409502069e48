package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.engine.LocalState;
import dev.runbook.engine.StateStore;
import dev.runbook.etcd.EtcdState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which state a command uses: --state, --state-dir, $RUNBOOK_STATE, runbook.yaml, else .runbook/ beside it. */
class StateChoiceTest {
    @Test
    void withNothingSaidStateIsBesideTheRunbook(@TempDir Path dir) {
        StateStore s = StateChoice.of(null, null, dir, Map.of());
        assertEquals(new LocalState(dir.resolve(".runbook")), s);
    }

    @Test
    void theProjectFileNamesTheState(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runbook.yaml"), "state: etcd://127.0.0.1:2379/team?ttl=10s\n");
        StateStore s = StateChoice.of(null, null, dir, Map.of());
        assertTrue(s instanceof EtcdState, s.toString());
        assertEquals("etcd://127.0.0.1:2379/team?ttl=10s", s.where());
        assertEquals(" --state etcd://127.0.0.1:2379/team?ttl=10s", s.flag());

        Files.writeString(dir.resolve("runbook.yaml"), "state: shared-state\n");
        assertEquals(new LocalState(dir.resolve("shared-state")), StateChoice.of(null, null, dir, Map.of()));
    }

    @Test
    void theEnvironmentWinsOverTheProjectFileAndTheCommandLineOverBoth(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runbook.yaml"), "state: from-file\n");
        Map<String, String> env = Map.of(StateChoice.ENV, "etcd://127.0.0.1:2379/from-env");
        assertEquals(
                "etcd://127.0.0.1:2379/from-env",
                StateChoice.of(null, null, dir, env).where());
        Path explicit = dir.resolve("explicit");
        assertEquals(new LocalState(explicit), StateChoice.of(null, explicit, dir, env));
        assertEquals(
                "etcd://127.0.0.1:2379/cli",
                StateChoice.of("etcd://127.0.0.1:2379/cli", null, dir, env).where());
    }

    @Test
    void aBadStateIsAUsageErrorThatShowsNoPassword(@TempDir Path dir) {
        ParamOptions.BadParams both =
                assertThrows(ParamOptions.BadParams.class, () -> StateChoice.of("etcd://h:1/p", dir, dir, Map.of()));
        assertEquals(ExitCodes.USAGE, both.exitCode());
        ParamOptions.BadParams bad = assertThrows(
                ParamOptions.BadParams.class, () -> StateChoice.of("etcd://ops:hunter2@h:1", null, dir, Map.of()));
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.getMessage().contains("needs a prefix"), bad.getMessage());
        assertFalse(bad.getMessage().contains("hunter2"), bad.getMessage());
    }

    @Test
    void theCommandsSayWhenTheStateCannotBeUsed(@TempDir Path dir) {
        Cli.Result runs = Cli.run("runs", "--state", "etcd://nohost/p");
        assertEquals(ExitCodes.USAGE, runs.code(), runs.all());
        assertTrue(runs.err().startsWith("runbook runs: the state in --state is not usable: etcd endpoint 'nohost'"));
    }

    @Test
    void anEtcdNobodyListensOnIsNamedWithAReasonAPersonCanActOn() throws Exception {
        int closed;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort(); // nothing listens here once the socket is closed
        }
        CliRun run = CliRun.of("runs", "--state", "etcd://127.0.0.1:" + closed + "/team");
        assertEquals(ExitCodes.INVALID, run.code(), run.toString());
        assertTrue(run.err().contains("connection refused (is etcd running and listening there?)"), run.toString());
        assertFalse(run.all().contains("Exception"), run.toString());
    }
}
