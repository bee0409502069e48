package dev.runbook.ssh;

import dev.runbook.spi.Command;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Runs commands on one host with the system's OpenSSH client, itself run by a local {@link Target} (which kills the
 * local ssh on timeout and streams its output lines). One master connection per host is opened on first use and
 * shared by every command after it ({@code ControlMaster}, socket {@code DIR/%C}, kept 60 s after the last use).
 * The user's {@code ~/.ssh/config}, agent and known_hosts apply; host keys are checked strictly and an unknown or
 * changed key is refused, never accepted.
 *
 * <p>The remote command line is always the same bootstrap ({@link RemoteScript}): argv, environment (where secrets
 * go), working directory and stdin travel over ssh's stdin, so no secret is in any process's command line. On
 * timeout or interrupt the remote process group is killed too, over the master connection.
 *
 * <p>Errors: a command that ran and failed is a {@link ProcessResult} with its exit code (255 included, when the
 * connection is fine). When the command did not run or its end is unknown, {@code run} throws {@link SshException}:
 * {@link SshException#hostKey()} for an unknown or changed host key, {@link SshException#connectionLost()} for a
 * connection refused, timed out or lost mid-command; its kind says the rest.
 */
public final class SshTarget implements Target, AutoCloseable {
    static final int SSH_FAILED = 255;
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(30);
    private static final Duration CONTROL_LIMIT = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SshHost host;
    private final Path controlDir;
    private final Target local;
    private final Object connecting = new Object();
    private Path controlSocket;

    /**
     * @param controlDir a private directory (mode 700) with a short path for the control sockets, see
     *     {@link #newControlDirectory()}; several targets may share it
     * @param local runs the ssh processes (the engine's {@code LocalTarget})
     */
    public SshTarget(SshHost host, Path controlDir, Target local) {
        this.host = host;
        this.controlDir = controlDir;
        this.local = local;
    }

    /** A new private directory under /tmp for control sockets (their paths must stay under about 100 bytes). */
    public static Path newControlDirectory() throws IOException {
        return Files.createTempDirectory(
                Path.of("/tmp"),
                "rb-ssh-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public String name() {
        return host.name();
    }

    public SshHost host() {
        return host;
    }

    @Override
    public ProcessResult run(Command command) throws IOException, InterruptedException {
        if (command.argv().isEmpty()) {
            throw new SshException(SshException.Kind.NOT_STARTED, host.name(), "host " + host.name() + ": no command");
        }
        String badName = RemoteScript.badEnvName(command);
        if (badName != null) {
            throw new SshException(
                    SshException.Kind.NOT_STARTED,
                    host.name(),
                    "host " + host.name() + ": environment variable name '" + badName
                            + "' cannot be passed over ssh (letters, digits and _ only)");
        }
        connect();
        String token = HexFormat.of().formatHex(token());
        Command ssh = new Command(
                argv(List.of(host.address(), RemoteScript.BOOTSTRAP)),
                Map.of(),
                null,
                RemoteScript.input(token, command),
                command.timeout(),
                command.onLine());
        ProcessResult result;
        try {
            result = local.run(ssh);
        } catch (InterruptedException e) {
            killRemote(token);
            throw e;
        }
        if (result.timedOut()) {
            killRemote(token);
            return result;
        }
        if (result.exitCode() == RemoteScript.NOT_STARTED && result.lastLine().startsWith(RemoteScript.MARKER)) {
            String why = result.lastLine().substring(RemoteScript.MARKER.length());
            throw new SshException(
                    SshException.Kind.NOT_STARTED,
                    host.name(),
                    "host " + host.name() + ": cannot start `" + command.argv().get(0) + "`: " + why);
        }
        if (result.exitCode() == SSH_FAILED && (SshErrors.fromSsh(result.stderr()) || !masterAlive())) {
            throw SshErrors.exception(host, result.stderr());
        }
        return result;
    }

    /** Ends the master connection (the control socket goes with it). */
    @Override
    public void close() {
        Path socket = controlSocketOrNull();
        if (socket == null || !Files.exists(socket)) {
            return;
        }
        try {
            local.run(control("exit"));
        } catch (IOException e) {
            // the master is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where this host's master connection listens (ssh expands {@code %C}; asked once with {@code ssh -G}). */
    public Path controlSocket() throws IOException, InterruptedException {
        synchronized (connecting) {
            if (controlSocket == null) {
                ProcessResult r = local.run(
                        new Command(argv(List.of("-G", host.address())), Map.of(), null, null, CONTROL_LIMIT, null));
                controlSocket = r.stdout()
                        .lines()
                        .filter(l -> l.startsWith("controlpath "))
                        .map(l -> Path.of(l.substring("controlpath ".length()).strip()))
                        .findFirst()
                        .orElseThrow(() -> new IOException(
                                "ssh -G did not show the control path for " + host.display() + ": " + r.lastLine()));
            }
            return controlSocket;
        }
    }

    /** Opens the master connection unless it is up: a refused key or login fails here, before anything ran. */
    private void connect() throws IOException, InterruptedException {
        synchronized (connecting) {
            if (Files.exists(controlSocket())) {
                return;
            }
            ProcessResult r = local.run(
                    new Command(argv(List.of(host.address(), "true")), Map.of(), null, null, CONNECT_LIMIT, null));
            if (r.timedOut()) {
                throw new SshException(
                        SshException.Kind.CONNECTION_LOST,
                        host.name(),
                        "host " + host.name() + ": connection lost (no answer within " + CONNECT_LIMIT.toSeconds()
                                + " s)");
            }
            if (!r.ok()) {
                throw SshErrors.exception(host, r.stderr());
            }
        }
    }

    private boolean masterAlive() throws InterruptedException {
        try {
            return local.run(control("check")).ok();
        } catch (IOException e) {
            return false;
        }
    }

    private void killRemote(String token) {
        boolean interrupted = Thread.interrupted();
        try {
            local.run(new Command(
                    argv(List.of(host.address(), RemoteScript.kill(token))),
                    Map.of(),
                    null,
                    null,
                    CONTROL_LIMIT,
                    null));
        } catch (IOException e) {
            // the host is unreachable: nothing more can be done from here
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Command control(String operation) {
        return new Command(argv(List.of("-O", operation, host.address())), Map.of(), null, null, CONTROL_LIMIT, null);
    }

    private Path controlSocketOrNull() {
        synchronized (connecting) {
            return controlSocket;
        }
    }

    /** ssh, the fixed options, the host's port, user and options, then {@code tail} (address and command). */
    List<String> argv(List<String> tail) {
        List<String> argv = new ArrayList<>(List.of(
                "ssh",
                "-T",
                "-o",
                "BatchMode=yes",
                "-o",
                "StrictHostKeyChecking=yes",
                "-o",
                "ControlMaster=auto",
                "-o",
                "ControlPath=" + controlDir + "/%C",
                "-o",
                "ControlPersist=60",
                "-o",
                "ConnectTimeout=10",
                "-o",
                "ServerAliveInterval=5",
                "-o",
                "ServerAliveCountMax=3"));
        if (host.port() != null) {
            argv.addAll(List.of("-p", host.port().toString()));
        }
        if (host.user() != null) {
            argv.addAll(List.of("-l", host.user()));
        }
        argv.addAll(host.options());
        argv.addAll(tail);
        return argv;
    }

    private static byte[] token() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
