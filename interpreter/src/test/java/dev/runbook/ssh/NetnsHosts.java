package dev.runbook.ssh;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real hosts on this machine for the ssh tests: each host is a Linux network namespace with its own address on a
 * private bridge and its own sshd (own host key; the client key this harness makes is its only authorized key).
 * Names carry a random instance id and the /24 is picked at random, so parallel runs do not clash. Needs root,
 * {@code ip netns} and {@code /usr/sbin/sshd} ({@code bash .ci/install-ops-tools.sh}); see {@link #assumeAvailable}.
 */
public final class NetnsHosts implements AutoCloseable {
    /** One host: its name (also its namespace), address, a folder of its own, and the ssh options that reach it. */
    public record Host(String name, String address, Path root, List<String> sshOptions) {
        public SshHost sshHost() {
            return new SshHost(name, address, "root", null, sshOptions);
        }
    }

    /** What a command run inside a host's namespace printed (stdout and stderr together) and its exit code. */
    public record Exec(int exitCode, String output) {}

    private static final String SSHD = "/usr/sbin/sshd";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final String subnet;
    private final Path dir;
    private final Path controlDir;
    private final List<Host> hosts = new ArrayList<>();
    private final Map<String, Process> sshds = new LinkedHashMap<>();

    private NetnsHosts(String id, String subnet, Path dir, Path controlDir) {
        this.id = id;
        this.subnet = subnet;
        this.dir = dir;
        this.controlDir = controlDir;
    }

    /** {@code count} hosts, all in known_hosts. */
    public static NetnsHosts start(int count) throws IOException, InterruptedException {
        return start(count, Set.of());
    }

    /** {@code count} hosts; those whose index (0-based) is in {@code unknownKeys} are left out of known_hosts. */
    public static NetnsHosts start(int count, Set<Integer> unknownKeys) throws IOException, InterruptedException {
        assumeAvailable();
        String id = HexFormat.of().formatHex(randomBytes(2));
        String subnet = freeSubnet();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "rb-netns-");
        NetnsHosts hosts = new NetnsHosts(id, subnet, dir, SshTarget.newControlDirectory());
        try {
            hosts.create(count, unknownKeys);
        } catch (IOException | InterruptedException | RuntimeException e) {
            hosts.close();
            throw e;
        }
        return hosts;
    }

    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    public Host host(int index) {
        return hosts.get(index);
    }

    /** A private directory with a short path for the control sockets; removed by {@link #close()}. */
    public Path controlDir() {
        return controlDir;
    }

    /** Runs {@code command} inside the host's namespace, directly (no ssh), for assertions. */
    public Exec exec(Host host, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(ip(), "netns", "exec", host.name()));
        argv.addAll(List.of(command));
        return run(argv);
    }

    /** The command lines of every process in the host's namespace (its sshd and what ran through it). */
    public List<String> processes(Host host) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (long pid : pids(host)) {
            String args = cmdline(pid);
            if (args != null) {
                out.add(args);
            }
        }
        return out;
    }

    /** What the host's sshd logged so far (one "Accepted publickey" line per connection). */
    public String sshdLog(Host host) throws IOException {
        Path log = dir.resolve(host.name() + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /**
     * Stops the host's sshd and kills its open connections, as a host that goes down: clients see the connection
     * close; programs it started keep running until {@link #close()}.
     */
    public void stopSshd(Host host) throws IOException, InterruptedException {
        Process listener = sshds.remove(host.name());
        if (listener != null) {
            listener.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        for (long pid : pids(host)) {
            ProcessHandle.of(pid).filter(h -> "sshd".equals(comm(pid))).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Starts the host's sshd again (after {@link #stopSshd}) and waits until it listens. */
    public void startSshd(Host host) throws IOException, InterruptedException {
        Path config = dir.resolve(host.name() + ".sshd_config");
        ProcessBuilder builder = new ProcessBuilder(
                        ip(), "netns", "exec", host.name(), SSHD, "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve(host.name() + ".log").toFile()));
        sshds.put(host.name(), builder.start());
        awaitListening(host);
    }

    /** Kills every process in the namespaces, deletes them, the bridge and the files (keys, sockets, folders). */
    @Override
    public void close() throws IOException, InterruptedException {
        for (Process p : sshds.values()) {
            p.destroyForcibly();
        }
        sshds.clear();
        for (Host host : hosts) {
            for (long pid : pids(host)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        for (int k = 1; k <= 64; k++) {
            String ns = hostName(k);
            if (Files.exists(Path.of("/run/netns", ns))) {
                run(List.of(ip(), "netns", "delete", ns)); // its veth end goes with it, and so the pair
            }
        }
        run(List.of(ip(), "link", "delete", bridge()));
        deleteTree(controlDir);
        deleteTree(dir);
    }

    /** Why these hosts cannot be made here, or null when they can. */
    public static String reasonUnavailable() {
        if (!isRoot()) {
            return "network namespaces need root (the ssh tests make one sshd per namespace)";
        }
        if (ipOrNull() == null) {
            return "ip (iproute2) is not installed: run `bash .ci/install-ops-tools.sh`";
        }
        if (!Files.isExecutable(Path.of(SSHD)) || onPath("ssh") == null || onPath("ssh-keygen") == null) {
            return "sshd or ssh is not installed: run `bash .ci/install-ops-tools.sh` (openssh-server, openssh-client)";
        }
        if (onPath("setsid") == null || onPath("base64") == null) {
            return "setsid or base64 is not installed (util-linux, coreutils)";
        }
        try {
            Exec list = run(List.of(ipOrNull(), "netns", "list"));
            return list.exitCode() == 0
                    ? null
                    : "`ip netns list` failed: " + list.output().strip();
        } catch (IOException e) {
            return "`ip netns list` failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    public static boolean available() {
        return reasonUnavailable() == null;
    }

    /** Skips the test, loudly, when the hosts cannot be made here; with CI=true fails it instead. */
    public static void assumeAvailable() {
        String reason = reasonUnavailable();
        if (reason == null) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(reason);
        }
        System.err.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    private void create(int count, Set<Integer> unknownKeys) throws IOException, InterruptedException {
        Path clientKey = dir.resolve("client_key");
        keygen(clientKey);
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(dir.resolve("client_key.pub"), authorized);
        Path knownHosts = dir.resolve("known_hosts");
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
        must(List.of(ip(), "link", "add", bridge(), "type", "bridge"));
        must(List.of(ip(), "addr", "add", subnet + ".1/24", "dev", bridge()));
        must(List.of(ip(), "link", "set", bridge(), "up"));
        StringBuilder known = new StringBuilder();
        for (int k = 1; k <= count; k++) {
            Host host = network(k, clientKey, knownHosts);
            Path hostKey = dir.resolve(host.name() + "_host_key");
            keygen(hostKey);
            Files.writeString(dir.resolve(host.name() + ".sshd_config"), sshdConfig(host, hostKey, authorized));
            if (!unknownKeys.contains(k - 1)) {
                known.append(host.address())
                        .append(' ')
                        .append(Files.readString(dir.resolve(host.name() + "_host_key.pub")));
            }
            hosts.add(host);
        }
        Files.writeString(knownHosts, known.toString());
        for (Host host : hosts) {
            startSshd(host);
        }
    }

    private Host network(int k, Path clientKey, Path knownHosts) throws IOException, InterruptedException {
        String ns = hostName(k);
        String outside = "rb" + id + "v" + k;
        String address = subnet + "." + (10 + k);
        must(List.of(ip(), "netns", "add", ns));
        must(List.of(ip(), "netns", "exec", ns, ip(), "link", "set", "lo", "up"));
        must(List.of(ip(), "link", "add", outside, "type", "veth", "peer", "name", "eth0", "netns", ns));
        must(List.of(ip(), "link", "set", outside, "master", bridge()));
        must(List.of(ip(), "link", "set", outside, "up"));
        must(List.of(ip(), "netns", "exec", ns, ip(), "addr", "add", address + "/24", "dev", "eth0"));
        must(List.of(ip(), "netns", "exec", ns, ip(), "link", "set", "eth0", "up"));
        Path root = Files.createDirectories(dir.resolve("host" + k));
        Files.createDirectories(root.resolve("tmp"));
        List<String> options = List.of(
                "-i", clientKey.toString(), "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=" + knownHosts);
        return new Host(ns, address, root, options);
    }

    private static String sshdConfig(Host host, Path hostKey, Path authorized) {
        return String.join(
                "\n",
                "ListenAddress " + host.address(),
                "Port 22",
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorized,
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "PidFile none",
                "StrictModes no",
                "PrintMotd no",
                "PrintLastLog no",
                "MaxSessions 50",
                "MaxStartups 50",
                // the bootstrap's pid files go to the host's own folder, so close() leaves nothing in /tmp
                // and each host has a home of its own: a login shell reads the host's (absent) ~/.bashrc, not the
                // runner's, whose start-up can cost a second per command
                "SetEnv TMPDIR=" + host.root().resolve("tmp") + " HOME=" + host.root(),
                "");
    }

    private void awaitListening(Host host) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host.address(), 22), 500);
                return;
            } catch (IOException e) {
                Process p = sshds.get(host.name());
                if (p != null && !p.isAlive()) {
                    throw new IOException("sshd of " + host.name() + " ended: " + sshdLog(host));
                }
                Thread.sleep(50);
            }
        }
        throw new IOException(
                "sshd of " + host.name() + " does not listen on " + host.address() + ":22: " + sshdLog(host));
    }

    private String hostName(int k) {
        return "rb" + id + "h" + k;
    }

    private String bridge() {
        return "rb" + id + "br";
    }

    private List<Long> pids(Host host) throws IOException, InterruptedException {
        Exec list = run(List.of(ip(), "netns", "pids", host.name()));
        return list.output()
                .lines()
                .filter(l -> l.matches("\\d+"))
                .map(Long::valueOf)
                .toList();
    }

    private static String cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return null; // ended meanwhile
        }
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm"))
                    .strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void keygen(Path key) throws IOException, InterruptedException {
        must(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "runbook-test", "-f", key.toString()));
    }

    /** A 10.231.X.0/24 no interface here uses yet. */
    private static String freeSubnet() throws IOException, InterruptedException {
        String addresses = run(List.of(ip(), "-o", "addr")).output();
        for (int attempt = 0; attempt < 50; attempt++) {
            String subnet = "10.231." + (1 + RANDOM.nextInt(250));
            if (!addresses.contains(" " + subnet + ".")) {
                return subnet;
            }
        }
        throw new IOException("no free 10.231.X.0/24 found");
    }

    private static void must(List<String> argv) throws IOException, InterruptedException {
        Exec r = run(argv);
        if (r.exitCode() != 0) {
            throw new IOException(String.join(" ", argv) + " failed (" + r.exitCode() + "): "
                    + r.output().strip());
        }
    }

    private static Exec run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Exec(p.waitFor(), out);
    }

    private static String ip() {
        return ipOrNull();
    }

    private static String ipOrNull() {
        String found = onPath("ip");
        if (found == null && Files.isExecutable(Path.of("/usr/sbin/ip"))) {
            return "/usr/sbin/ip";
        }
        return found;
    }

    private static String onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        return null;
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
