package dev.runbook.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.Command;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What ssh prints when it fails, read into one message; and the bootstrap's input, which carries the secrets. */
class SshErrorsTest {
    private static final SshHost WEB3 = new SshHost("web3", "10.0.0.3");

    @Test
    void aRemoteProgramsOwnLinesAreNotSshs() {
        assertFalse(SshErrors.fromSsh("curl: (7) Failed to connect\nexit 255 on purpose\n"));
        assertTrue(SshErrors.fromSsh("ssh: connect to host 10.0.0.3 port 22: Connection refused\n"));
        assertTrue(SshErrors.fromSsh("output\nConnection to 10.0.0.3 closed by remote host.\n"));
    }

    @Test
    void eachFailureGetsItsKindAndMessage() {
        SshException key = SshErrors.exception(WEB3, "Host key verification failed.\n");
        assertTrue(key.hostKey());
        assertEquals(
                "host web3 (10.0.0.3): its host key is not in known_hosts; check it and add it (ssh-keyscan shows it),"
                        + " runbook never accepts an unknown key",
                key.getMessage());
        SshException changed = SshErrors.exception(
                WEB3,
                "@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.\n");
        assertTrue(changed.hostKey());
        assertTrue(changed.getMessage().contains("(it changed)"), changed.getMessage());
        SshException login = SshErrors.exception(WEB3, "root@10.0.0.3: Permission denied (publickey).\n");
        assertEquals(SshException.Kind.LOGIN_REFUSED, login.kind());
        SshException lost = SshErrors.exception(WEB3, "partial output\nclient_loop: send disconnect: Broken pipe\n");
        assertTrue(lost.connectionLost());
        assertEquals("host web3: connection lost (client_loop: send disconnect: Broken pipe)", lost.getMessage());
    }

    @Test
    void theBootstrapIsFixedAndTheInputCarriesTheCommand() {
        Command command = Command.of("deploy", "--token", "s3cret").withEnv(Map.of("PASSWORD", "hunter2"));
        String input = RemoteScript.input("0123456789abcdef", command);
        assertFalse(RemoteScript.BOOTSTRAP.contains("s3cret") || RemoteScript.BOOTSTRAP.contains("hunter2"));
        assertEquals(
                "--runbook-0123456789abcdef--\nf=\"${TMPDIR:-/tmp}/runbook-0123456789abcdef.pid\"\n"
                        + "set -- 'deploy' '--token' 's3cret'\nexport 'PASSWORD=hunter2'\n--runbook-0123456789abcdef--\n",
                input,
                "the command travels over stdin, never in the remote command line");
        assertEquals("'it'\\''s'", RemoteScript.quoted("it's"));
        assertEquals("BAD-NAME", RemoteScript.badEnvName(Command.of("x").withEnv(Map.of("BAD-NAME", "v"))));
    }
}
