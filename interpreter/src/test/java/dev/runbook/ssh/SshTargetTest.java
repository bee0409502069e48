package dev.runbook.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.engine.LocalTarget;
import dev.runbook.spi.Command;
import dev.runbook.spi.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SshTarget against real sshds, each in its own network namespace (NetnsHosts); the third host's key is unknown. */
class SshTargetTest {
    private static NetnsHosts hosts;
    private static LocalTarget local;
    private static final List<SshTarget> targets = new ArrayList<>();

    @BeforeAll
    static void startHosts() throws Exception {
        hosts = NetnsHosts.start(3, Set.of(2));
        local = new LocalTarget();
    }

    @AfterAll
    static void stopHosts() throws Exception {
        targets.forEach(SshTarget::close);
        if (local != null) {
            local.close();
        }
        if (hosts != null) {
            hosts.close();
        }
    }

    private static SshTarget target(int host) {
        SshTarget target = new SshTarget(hosts.host(host).sshHost(), hosts.controlDir(), local);
        targets.add(target);
        return target;
    }

    @Test
    void aCommandRunsInsideTheNamespaceOfItsHost() throws Exception {
        for (int i = 0; i < 2; i++) {
            NetnsHosts.Host host = hosts.host(i);
            ProcessResult r =
                    target(i).run(Command.of("sh", "-c", "ip netns identify $$; ip -o -4 addr show dev eth0"));
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(host.name(), r.stdout().lines().findFirst().orElse(""));
            assertTrue(r.stdout().contains(" " + host.address() + "/24 "), r.stdout());
            assertEquals(host.name(), target(i).name());
        }
    }

    @Test
    void awkwardArgumentsArriveByteForByte() throws Exception {
        List<String> awkward = List.of(
                "two words",
                "it's",
                "\"quoted\"",
                "line1\nline2",
                "$HOME `id` $(id) ${x}",
                "naïve ☃ 日本",
                "",
                "ends with newlines\n\n",
                "-n",
                "back\\slash\ttab\rcr",
                "*",
                "';exit 9;'");
        List<String> argv = new ArrayList<>(List.of(
                "sh", "-c", "for a in \"$@\"; do printf %s \"$a\" | od -An -v -tx1 | tr -d ' \\n'; echo; done", "sh"));
        argv.addAll(awkward);
        ProcessResult r = target(0).run(Command.of(argv));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> expected = awkward.stream()
                .map(a -> HexFormat.of().formatHex(a.getBytes(StandardCharsets.UTF_8)))
                .toList();
        assertEquals(expected, r.stdout().lines().toList());
    }

    @Test
    void environmentAndStdinArrive() throws Exception {
        String value = "a value with spaces, 'quotes', $dollar and\na newline ☃";
        Command command = Command.of("sh", "-c", "printf '%s|' \"$RB_VALUE\"; cat")
                .withEnv(Map.of("RB_VALUE", value))
                .withStdin("first line\nsecond ☃\n");
        ProcessResult r = target(0).run(command);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(value + "|first line\nsecond ☃\n", r.stdout());
    }

    @Test
    void aCommandWithoutStdinReadsNothing() throws Exception {
        ProcessResult r = target(0).run(Command.of("sh", "-c", "cat; echo end"));
        assertEquals("end\n", r.stdout());
    }

    @Test
    void theWorkingDirectoryIsHonouredAndAMissingOneIsNamed() throws Exception {
        NetnsHosts.Host host = hosts.host(0);
        ProcessResult r = target(0).run(Command.of("pwd").withCwd(host.root()));
        assertEquals(host.root() + "\n", r.stdout());

        Path missing = host.root().resolve("no-such-dir");
        SshException e = assertThrows(
                SshException.class, () -> target(0).run(Command.of("touch", "x").withCwd(missing)));
        assertEquals(SshException.Kind.NOT_STARTED, e.kind());
        assertFalse(e.connectionLost());
        assertEquals(
                "host " + host.name() + ": cannot start `touch`: working directory " + missing + " does not exist",
                e.getMessage());
    }

    @Test
    void aMissingProgramIsNamed() throws Exception {
        SshException e = assertThrows(SshException.class, () -> target(0).run(Command.of("no-such-program-rb", "a")));
        assertEquals(SshException.Kind.NOT_STARTED, e.kind());
        assertTrue(
                e.getMessage().endsWith("cannot start `no-such-program-rb`: program no-such-program-rb not found"),
                e.getMessage());
    }

    @Test
    void exitCodesAndOutputLinesComeBackAsTheyWould() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        ProcessResult r = target(0)
                .run(Command.of("sh", "-c", "echo one; echo two >&2; echo three; exit 3")
                        .withOnLine(lines::add));
        assertEquals(3, r.exitCode());
        assertEquals("one\nthree\n", r.stdout());
        assertEquals("two\n", r.stderr());
        assertTrue(lines.containsAll(List.of("one", "two", "three")), lines.toString());

        // a program of its own that exits 255 is a result, not a lost connection
        ProcessResult own = target(0).run(Command.of("sh", "-c", "echo bye >&2; exit 255"));
        assertEquals(255, own.exitCode());
        assertEquals("bye\n", own.stderr());
    }

    @Test
    void aSecretInTheEnvironmentOrStdinIsInNoCommandLine() throws Exception {
        String envSecret = "rb-env-secret-" + HexFormat.of().formatHex(new byte[] {7, 9, 42});
        String stdinSecret = "rb-stdin-secret-" + System.nanoTime();
        Command command = Command.of("sh", "-c", "read -r line; sleep 3; printf '%s %s' \"$RB_SECRET\" \"$line\"")
                .withEnv(Map.of("RB_SECRET", envSecret))
                .withStdin(stdinSecret + "\n");
        SshTarget target = target(0);
        CompletableFuture<ProcessResult> step = CompletableFuture.supplyAsync(() -> {
            try {
                return target.run(command);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        boolean sawTheStep = false;
        List<String> leaks = new ArrayList<>();
        while (!step.isDone()) {
            for (String args : allCommandLines()) {
                sawTheStep |= args.contains("sleep 3");
                if (args.contains(envSecret) || args.contains(stdinSecret)) {
                    leaks.add(args);
                }
            }
            Thread.sleep(50);
        }
        assertEquals(envSecret + " " + stdinSecret + "\n", step.get().stdout());
        assertTrue(sawTheStep, "the process list was read while the step ran");
        assertEquals(List.of(), leaks);
    }

    @Test
    void theSecondCommandReusesTheMasterConnection() throws Exception {
        NetnsHosts.Host host = hosts.host(1);
        Path dir = SshTarget.newControlDirectory();
        try (SshTarget target = new SshTarget(host.sshHost(), dir, local)) {
            long before = logins(host);
            assertEquals(0, target.run(Command.of("true")).exitCode());
            Path socket = target.controlSocket();
            assertEquals(dir, socket.getParent());
            assertTrue(Files.exists(socket), "the master's socket exists");
            assertEquals(0, target.run(Command.of("true")).exitCode());
            assertEquals(0, target.run(Command.of("true")).exitCode());
            assertEquals(before + 1, logins(host), "three commands, one login");
            target.close();
            assertFalse(Files.exists(socket), "close ends the master");
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedAndNothingRuns() throws Exception {
        NetnsHosts.Host host = hosts.host(2);
        Path marker = host.root().resolve("ran");
        SshException e = assertThrows(SshException.class, () -> target(2).run(Command.of("touch", marker.toString())));
        assertTrue(e.hostKey());
        assertFalse(e.connectionLost());
        assertEquals(
                "host " + host.name() + " (" + host.address() + "): its host key is not in known_hosts;"
                        + " check it and add it (ssh-keyscan shows it), runbook never accepts an unknown key",
                e.getMessage());
        assertEquals(1, hosts.exec(host, "test", "-e", marker.toString()).exitCode(), "nothing ran there");
        assertFalse(hosts.sshdLog(host).contains("Accepted"), hosts.sshdLog(host));
    }

    @Test
    void aTimeoutKillsTheRemoteProcessTree() throws Exception {
        NetnsHosts.Host host = hosts.host(0);
        String sleep = "sleep 300." + (System.nanoTime() % 1000);
        List<String> lines = new CopyOnWriteArrayList<>();
        // 2 s is enough here, but a loaded machine's login shell (root's ~/.bashrc) can take longer to start it
        ProcessResult r = target(0)
                .run(Command.of("sh", "-c", "echo started; " + sleep + " & " + sleep)
                        .withTimeout(Duration.ofSeconds(4))
                        .withOnLine(lines::add));
        assertTrue(r.timedOut());
        assertTrue(lines.contains("started"), "the remote tree was running: " + lines);
        assertNothingLeft(host, sleep);
    }

    @Test
    void anInterruptKillsTheRemoteProcessTree() throws Exception {
        NetnsHosts.Host host = hosts.host(0);
        String sleep = "sleep 301." + (System.nanoTime() % 1000);
        CountDownLatch started = new CountDownLatch(1);
        SshTarget target = target(0);
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread step = new Thread(() -> {
            try {
                target.run(Command.of("sh", "-c", "echo started; " + sleep + " & " + sleep)
                        .withOnLine(line -> started.countDown()));
                ended.complete(null);
            } catch (IOException | InterruptedException e) {
                ended.complete(e);
            }
        });
        step.start();
        assertTrue(started.await(30, TimeUnit.SECONDS), "the command started");
        step.interrupt();
        assertTrue(ended.get(30, TimeUnit.SECONDS) instanceof InterruptedException);
        assertNothingLeft(host, sleep);
    }

    @Test
    void aTimeoutWhileTheProgramIsStartingLeavesNothingRunning() throws Exception {
        NetnsHosts.Host host = hosts.host(1);
        Path ran = host.root().resolve("late-start");
        String sleep = "sleep 2.0" + (System.nanoTime() % 1000);
        // the kill may come before the bootstrap, during it, or after the program started: in no case may it run on
        ProcessResult r =
                target(1).run(Command.of("sh", "-c", sleep + "; touch " + ran).withTimeout(Duration.ofMillis(500)));
        assertTrue(r.timedOut());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline
                && hosts.processes(host).stream().anyMatch(a -> a.contains(RemoteScript.MARKER))) {
            Thread.sleep(100);
        }
        assertEquals(
                List.of(),
                hosts.processes(host).stream().filter(a -> a.contains(sleep)).toList());
        Thread.sleep(3000); // longer than the sleep: a program that escaped would have touched the file by now
        assertFalse(Files.exists(ran), "the program did not run to its end");
    }

    private static void assertNothingLeft(NetnsHosts.Host host, String command) throws Exception {
        List<String> left =
                hosts.processes(host).stream().filter(a -> a.contains(command)).toList();
        assertEquals(List.of(), left, "no remote process outlives the timeout");
        try (Stream<Path> pidFiles = Files.list(host.root().resolve("tmp"))) {
            assertEquals(List.of(), pidFiles.toList(), "the kill removed the pid file and its cancel mark");
        }
    }

    @Test
    void aConnectionLostMidCommandIsNamedSo() throws Exception {
        NetnsHosts.Host host = hosts.host(1);
        SshTarget target = new SshTarget(host.sshHost(), hosts.controlDir(), local);
        CountDownLatch started = new CountDownLatch(1);
        Command command = Command.of("sh", "-c", "echo started; sleep 30").withOnLine(line -> started.countDown());
        CompletableFuture<ProcessResult> step = CompletableFuture.supplyAsync(() -> {
            try {
                return target.run(command);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertTrue(started.await(20, TimeUnit.SECONDS), "the command started");
            hosts.stopSshd(host);
            ExecutionException e = assertThrows(ExecutionException.class, () -> step.get(30, TimeUnit.SECONDS));
            SshException lost = (SshException) e.getCause().getCause();
            assertTrue(lost.connectionLost(), lost.getMessage());
            assertTrue(lost.getMessage().startsWith("host " + host.name() + ": connection lost ("), lost.getMessage());

            SshException refused = assertThrows(SshException.class, () -> target.run(Command.of("true")));
            assertTrue(refused.connectionLost());
            assertTrue(refused.getMessage().contains("Connection refused"), refused.getMessage());
        } finally {
            hosts.startSshd(host);
            target.close();
        }
        assertEquals(0, target.run(Command.of("true")).exitCode(), "the host is back");
        target.close();
    }

    private static long logins(NetnsHosts.Host host) throws IOException {
        return hosts.sshdLog(host)
                .lines()
                .filter(l -> l.contains("Accepted publickey"))
                .count();
    }

    private static List<String> allCommandLines() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    out.add(new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' '));
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            }
        }
        return out;
    }
}
