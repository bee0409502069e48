package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.ssh.NetnsHosts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shipped {@code app-rollback-hosts.rb} over four real hosts: network namespaces made by {@link NetnsHosts},
 * each with its own sshd, host key and authorized_keys, and its own app world (the drill sandbox {@code app.sh}: a
 * node app in git with v1 and v2 under a pm2 daemon of its own, behind its own nginx), reached over the system ssh.
 * One set of hosts for the class (each app world costs a pm2 daemon's start); the tests run in order, each starting
 * from the state the one before left. A fifth host's key is not in known_hosts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshRolloutTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final int HOSTS = 4;
    private static NetnsHosts hosts;
    private static Path dir;
    private static final List<Map<String, String>> worlds = new ArrayList<>();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        hosts = NetnsHosts.start(HOSTS + 1, Set.of(HOSTS));
        dir = Files.createTempDirectory("rb-ssh-rollout-");
        for (int i = 0; i < HOSTS; i++) {
            NetnsHosts.Host h = hosts.host(i);
            Path world = Files.createDirectories(h.root().resolve("world"));
            NetnsHosts.Exec made = hosts.exec(
                    h,
                    "env",
                    "LISTEN=0.0.0.0",
                    "HOME=" + h.root(),
                    "bash",
                    ROOT.resolve("sandbox/app.sh").toString(),
                    "create",
                    world.toString());
            assertEquals(0, made.exitCode(), made.output());
            Map<String, String> params = new LinkedHashMap<>();
            made.output().lines().filter(l -> l.matches("[a-z_0-9]+=.*")).forEach(l -> {
                int eq = l.indexOf('=');
                params.put(l.substring(0, eq), l.substring(eq + 1));
            });
            worlds.add(params);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (hosts == null) {
            return;
        }
        for (int i = 0; i < worlds.size(); i++) {
            NetnsHosts.Host h = hosts.host(i);
            hosts.exec(
                    h,
                    "bash",
                    ROOT.resolve("sandbox/app.sh").toString(),
                    "destroy",
                    h.root().resolve("world").toString());
        }
        hosts.close();
    }

    /** The inventory of hosts 0..n-1 (in group app), each with its world's values as host vars. */
    private static Path inventory(String name, int n, Map<Integer, Map<String, String>> extra) throws IOException {
        StringBuilder out = new StringBuilder("ssh:\n  user: root\n  options: [");
        List<String> opts = hosts.host(0).sshOptions();
        for (int i = 0; i < opts.size(); i++) {
            out.append(i == 0 ? "" : ", ").append('"').append(opts.get(i)).append('"');
        }
        out.append("]\nhosts:\n");
        for (int i = 0; i < n; i++) {
            NetnsHosts.Host h = hosts.host(i);
            out.append("  web")
                    .append(i + 1)
                    .append(":\n    address: ")
                    .append(h.address())
                    .append("\n    groups: [app]\n    vars:\n");
            Map<String, String> vars = new LinkedHashMap<>();
            if (i < worlds.size()) {
                Map<String, String> w = worlds.get(i);
                vars.put("repo", w.get("repo"));
                vars.put("pm2", w.get("pm2"));
                vars.put("pm2_home", w.get("pm2_home"));
                vars.put("health_url", "http://" + h.address() + ":" + port(w) + "/health");
            }
            vars.put("dir", h.root().toString());
            vars.putAll(extra.getOrDefault(i, Map.of()));
            vars.forEach((k, v) ->
                    out.append("      ").append(k).append(": \"").append(v).append("\"\n"));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, out.toString());
        return file;
    }

    private static String port(Map<String, String> world) {
        Matcher m = Pattern.compile(":(\\d+)$").matcher(world.get("app_url"));
        assertTrue(m.find(), world.toString());
        return m.group(1);
    }

    /** What host i's app answers through its nginx, from this machine. */
    private static String version(int i) throws Exception {
        String url = "http://" + hosts.host(i).address() + ":" + port(worlds.get(i)) + "/api/status";
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"version\":\"([^\"]+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private static String reflog(int i) throws Exception {
        return hosts.exec(hosts.host(i), "git", "-C", worlds.get(i).get("repo"), "reflog")
                .output();
    }

    private static Cli.Result rollback(Path inventory, String target) {
        return Cli.run(
                "run",
                ROOT.resolve("runbooks/app-rollback-hosts.rb").toString(),
                "--inventory",
                inventory.toString(),
                "-p",
                "target=" + target,
                "-p",
                "install_deps=false",
                "--state-dir",
                dir.resolve("state").toString(),
                "--no-color");
    }

    @Test
    @Order(1)
    void aRollingRollbackPutsEveryHostOnTheTargetBehindItsNginx() throws Exception {
        for (int i = 0; i < HOSTS; i++) {
            assertEquals("2.0.0", version(i));
        }
        Cli.Result r = rollback(inventory("hosts.yaml", HOSTS, Map.of()), "v1");
        assertEquals(0, r.code(), r.all());
        for (int i = 0; i < HOSTS; i++) {
            assertEquals("1.0.0", version(i), "web" + (i + 1) + "\n" + r.all());
        }
        assertTrue(r.out().contains("batch 1 of 3: web1"), r.out());
        assertTrue(r.out().contains("batch 2 of 3: web2, web3"), r.out());
        assertTrue(r.out().contains("batch 3 of 3: web4"), r.out());
    }

    @Test
    @Order(2)
    void aHostFailingItsHealthCheckStopsTheRolloutAndIsPutBack() throws Exception {
        String untouched = reflog(3);
        // web3's health check asks for a path its app does not serve: it fails on whatever version
        Path inv = inventory(
                "broken.yaml",
                HOSTS,
                Map.of(
                        2,
                        Map.of(
                                "health_url",
                                "http://" + hosts.host(2).address() + ":" + port(worlds.get(2)) + "/nope")));
        Cli.Result r = Cli.run(
                "run",
                ROOT.resolve("runbooks/app-rollback-hosts.rb").toString(),
                "--inventory",
                inv.toString(),
                "-p",
                "target=v2",
                "-p",
                "install_deps=false",
                "--state-dir",
                dir.resolve("state").toString(),
                "--no-color");
        assertEquals(ExitCodes.FAILED, r.code(), r.all());
        assertEquals("2.0.0", version(0), "the canary passed its check and keeps the target\n" + r.all());
        assertEquals("1.0.0", version(1), "the failed batch's other host is put back");
        assertEquals("1.0.0", version(2), "the failed host is back on its previous version");
        assertEquals("1.0.0", version(3), "the last host is never touched");
        assertEquals(untouched, reflog(3), "nothing ran on web4");
        assertTrue(r.out().contains("rollout stopped after batch 2 of 3"), r.out());
        assertTrue(r.out().contains("never started: web4"), r.out());
    }

    @Test
    @Order(3)
    void anUnknownHostKeyIsRefusedAndNothingRunsThere() throws Exception {
        Path inv = inventory("unknown.yaml", HOSTS + 1, Map.of());
        Files.writeString(dir.resolve("touch.rb"), """
                runbook "touch" {
                  on web5 {
                    step mark = exec { argv: ["touch", host.vars.dir + "/marked"] }
                  }
                }
                """);
        Cli.Result r = Cli.run(
                "run",
                dir.resolve("touch.rb").toString(),
                "--inventory",
                inv.toString(),
                "--state-dir",
                dir.resolve("state").toString(),
                "--no-color");
        assertEquals(ExitCodes.FAILED, r.code(), r.all());
        assertTrue(r.out().contains("known_hosts"), r.out());
        assertFalse(Files.exists(hosts.host(HOSTS).root().resolve("marked")));
    }

    @Test
    @Order(4)
    void aSecretNeverShowsInAnyCommandLine() throws Exception {
        String secret = "s3cr3t-" + System.nanoTime();
        Path inv = inventory("secret.yaml", 1, Map.of());
        Files.writeString(dir.resolve("secret.rb"), """
                runbook "secret" {
                  param token: secret "a deploy token"
                  on app {
                    step use = shell { script: "sleep 3; printf %s \\"$TOKEN\\" > token", cwd: host.vars.dir, env: { TOKEN: token } }
                  }
                }
                """);
        List<String> seen = new ArrayList<>();
        Thread watch = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                seen.addAll(ProcessHandle.allProcesses()
                        .map(p -> p.info()
                                .arguments()
                                .map(a -> String.join(" ", a))
                                .orElse(""))
                        .filter(a -> a.contains(secret))
                        .toList());
                seen.add(
                        ProcessHandle.allProcesses()
                                        .anyMatch(p -> p.info()
                                                .commandLine()
                                                .orElse("")
                                                .contains("sleep 3"))
                                ? "(saw the step)"
                                : "");
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watch.start();
        Cli.Result r = Cli.run(
                "run",
                dir.resolve("secret.rb").toString(),
                "--inventory",
                inv.toString(),
                "-p",
                "token=" + secret,
                "--state-dir",
                dir.resolve("state").toString(),
                "--no-color");
        watch.interrupt();
        watch.join();
        assertEquals(0, r.code(), r.all());
        assertEquals(secret, Files.readString(hosts.host(0).root().resolve("token")), "the secret reached the host");
        assertTrue(seen.contains("(saw the step)"), "the watch ran while the step did");
        assertFalse(seen.stream().anyMatch(s -> s.contains(secret)), "in a command line: " + seen);
        assertFalse(r.all().contains(secret), r.all());
    }

    @Test
    @Order(5)
    void aRunnerKilledMidRolloutIsResumedAndEveryHostRunsItsStepsExactlyOnce() throws Exception {
        Path inv = inventory("marks.yaml", HOSTS, Map.of());
        Path work = Files.createDirectories(dir.resolve("kill"));
        Files.writeString(work.resolve("marks.rb"), """
                runbook "marks" {
                  on app as roll rolling 2 {
                    step a = shell { script: "while [ ! -f go ]; do echo waiting; sleep 0.1; done; echo a >> marks", cwd: host.vars.dir }
                    step b = shell { script: "echo b >> marks", cwd: host.vars.dir }
                  }
                }
                """);
        for (int i = 0; i < HOSTS; i++) {
            Files.deleteIfExists(hosts.host(i).root().resolve("marks"));
            Files.deleteIfExists(hosts.host(i).root().resolve("go"));
        }
        Files.writeString(hosts.host(0).root().resolve("go"), "");
        Files.writeString(hosts.host(1).root().resolve("go"), "");
        Path state = work.resolve("state");
        Spawned run = Spawned.start(
                work,
                "run",
                "run",
                "marks.rb",
                "--inventory",
                inv.toString(),
                "--state-dir",
                state.toString(),
                "--no-color");
        Duration limit = Duration.ofSeconds(90);
        Spawned.await(
                "the second batch waiting",
                limit,
                () -> (Spawned.journalHas(state, "step-start", "roll/web3/a")
                                && Spawned.journalHas(state, "step-start", "roll/web4/a"))
                        || !run.process().isAlive());
        assertTrue(run.process().isAlive(), run.out() + run.err());
        Spawned.await("the remote loops", limit, () -> waiting(2) && waiting(3));
        run.killHard();
        // the hosts' commands lost their connection: each dies at its next line of output
        Spawned.await("the remote loops to end", limit, () -> !waiting(2) && !waiting(3));
        Files.writeString(hosts.host(2).root().resolve("go"), "");
        Files.writeString(hosts.host(3).root().resolve("go"), "");
        String id = Spawned.onlyRunId(state);
        Cli.Result refused =
                Cli.run("resume", id, "--inventory", inv.toString(), "--state-dir", state.toString(), "--no-color");
        assertEquals(ExitCodes.REFUSED, refused.code(), refused.all());
        assertTrue(
                refused.err().contains("step roll/web3/a (shell) started but its end was never recorded"),
                refused.err());
        Cli.Result resumed = Cli.run(
                "resume",
                id,
                "--inventory",
                inv.toString(),
                "--state-dir",
                state.toString(),
                "--no-color",
                "--rerun",
                "roll/web3/a",
                "--rerun",
                "roll/web4/a");
        assertEquals(ExitCodes.OK, resumed.code(), resumed.all());
        assertTrue(resumed.out().contains("roll/web1: ok in an earlier attempt"), resumed.out());
        for (int i = 0; i < HOSTS; i++) {
            assertEquals("a\nb\n", Files.readString(hosts.host(i).root().resolve("marks")), "web" + (i + 1));
        }
    }

    /** Whether host i still runs the marks runbook's waiting loop. */
    private static boolean waiting(int i) {
        try {
            return hosts.processes(hosts.host(i)).stream().anyMatch(p -> p.contains("while [ ! -f go ]"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
