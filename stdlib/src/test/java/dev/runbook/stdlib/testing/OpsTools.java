package dev.runbook.stdlib.testing;

import dev.runbook.spi.Args;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepType;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real tools are for the operations tests (.ci/install-ops-tools.sh puts them there). A missing tool fails
 * the test in CI (CI=true) and skips it, loudly, elsewhere.
 */
public final class OpsTools {
    private OpsTools() {}

    /** pm2 from {@code <project>/.tools/node/node_modules/.bin/pm2}, else from PATH. */
    public static String pm2() {
        Optional<Path> local = projectRoot().map(r -> r.resolve(".tools/node/node_modules/.bin/pm2"));
        if (local.isPresent() && Files.isExecutable(local.get())) {
            return local.get().toString();
        }
        return require("pm2", onPath("pm2"));
    }

    /** nginx from PATH or /usr/sbin (Debian puts it there, outside a normal user's PATH). */
    public static String nginx() {
        Optional<Path> found = onPath("nginx");
        if (found.isEmpty() && Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            found = Optional.of(Path.of("/usr/sbin/nginx"));
        }
        return require("nginx", found);
    }

    public static String npm() {
        return require("npm", onPath("npm"));
    }

    private static String require(String tool, Optional<Path> found) {
        if (found.isPresent()) {
            return found.get().toString();
        }
        String message =
                tool + " is not installed: run `bash .ci/install-ops-tools.sh` (test needs the real " + tool + ")";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The directory holding the parent pom (tests run with the module directory as working directory). */
    public static Optional<Path> projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("stdlib/pom.xml")) && Files.exists(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /**
     * A loopback port for a server started in another process (pm2 app, nginx), chosen below Linux's ephemeral range
     * (32768-60999): a port from that range can be handed to an outgoing connection before the child binds it.
     */
    public static int freePort() throws IOException {
        for (int i = 0; i < 200; i++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free loopback port between 20000 and 32000");
    }

    /** GET a loopback URL; the body, or "" when nothing answers. */
    public static String get(String url) throws InterruptedException {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        }
    }

    /** The step's defaults with the given arguments on top, as the engine would build them. */
    public static Args args(StepType step, Map<String, Object> given) {
        Map<String, Object> values = new HashMap<>();
        for (ParamSpec p : step.params()) {
            if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            }
        }
        values.putAll(given);
        return Args.of(values);
    }

    /** Runs a command to its end and returns its output (stdout and stderr together). */
    public static String run(Map<String, String> env, String... argv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(argv)).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
