package dev.runbook.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the restore runbooks run against in tests: an in-process mongo-java-server, and the real pm2 (from
 * {@code .ci/install-ops-tools.sh}) with a daemon of its own (PM2_HOME in the test's folder) running a small node
 * app that answers {@code /health}. A missing pm2 fails the test in CI (CI=true) and skips it, loudly, elsewhere.
 */
final class OpsWorld implements AutoCloseable {
    final Path dir;
    final MongoServer server;
    final String uri;
    final String pm2;
    final Path pm2Home;
    final int port;
    private MongoClient client;

    OpsWorld(Path dir) throws IOException {
        this.dir = dir;
        this.pm2 = pm2();
        this.pm2Home = Files.createDirectories(dir.resolve("pm2-home"));
        this.port = TestPorts.free();
        this.server = new MongoServer(new MemoryBackend());
        this.uri = server.bindAndGetConnectionString();
    }

    /** The database through a client of the test's own; {@link #disconnect()} before a run that waits for quiet. */
    MongoDatabase db(String name) {
        if (client == null) {
            client = MongoClients.create(uri);
        }
        return client.getDatabase(name);
    }

    void disconnect() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** {@code name -> _id} of every document of a collection, sorted by _id, as text: easy to compare. */
    String contents(String db, String collection) {
        List<String> out = new ArrayList<>();
        db(db).getCollection(collection)
                .find()
                .sort(new Document("_id", 1))
                .forEach(d -> out.add(d.get("_id") + "=" + d.get("name")));
        return String.join(",", out);
    }

    /** A pm2 ecosystem file with one app, {@code name}, that answers GET /health with 200 on {@link #port}. */
    Path ecosystem(String name) throws IOException {
        Path script = dir.resolve(name + ".js");
        Files.writeString(
                script,
                "require('http').createServer((q, s) => {\n"
                        + "  s.statusCode = q.url === '/health' ? 200 : 404;\n"
                        + "  s.end(JSON.stringify({status: 'ok', app: '" + name + "', pid: process.pid}));\n"
                        + "}).listen(Number(process.env.PORT), '127.0.0.1');\n");
        Path eco = dir.resolve(name + ".config.js");
        Files.writeString(
                eco,
                "module.exports = {apps: [{name: '" + name + "', script: " + jsString(script)
                        + ", env: {PORT: '1'}, env_production: {PORT: '" + port + "'}}]};\n");
        return eco;
    }

    /** Starts the ecosystem's app with {@code --env production}, as the seed does, and waits until it answers. */
    void startApp(Path ecosystem) throws Exception {
        String started = pm2("start", ecosystem.toString(), "--env", "production");
        // a loaded 2-core machine can take many seconds to start the pm2 daemon and node
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!healthy() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (!healthy()) {
            Assertions.fail("the test app did not come up on port " + port + "\npm2 start:\n" + started
                    + "\npm2 jlist:\n" + jlist() + "\npm2 logs:\n" + pm2("logs", "--nostream", "--lines", "40"));
        }
    }

    String healthUrl() {
        return "http://127.0.0.1:" + port + "/health";
    }

    boolean healthy() throws InterruptedException {
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(healthUrl()))
                    .timeout(Duration.ofSeconds(3))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code pm2 jlist} of the test's daemon. */
    String jlist() throws Exception {
        return pm2("jlist");
    }

    String pm2(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(pm2));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().put("PM2_HOME", pm2Home.toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    /** The params every restore runbook needs to talk to this world instead of production. */
    List<String> pm2Params() {
        return List.of("--param", "pm2=" + pm2, "--param", "pm2_home=" + pm2Home);
    }

    @Override
    public void close() throws Exception {
        disconnect();
        try {
            pm2("kill");
        } finally {
            server.shutdownNow();
        }
    }

    /** A runbook of {@code runbooks/}, found by walking up from the working directory. */
    static Path runbook(String name) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("runbooks").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(
                "runbooks/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /** A command line of {@code run FILE --yes} plus the given arguments. */
    static String[] runArgs(Path runbook, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("run", runbook.toString(), "--yes", "--no-color"));
        args.addAll(extra);
        return args.toArray(String[]::new);
    }

    private static String jsString(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** pm2 from {@code <project>/.tools/node/node_modules/.bin/pm2}, else from PATH. */
    private static String pm2() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path local = d.resolve(".tools/node/node_modules/.bin/pm2");
            if (Files.exists(d.resolve("stdlib/pom.xml")) && Files.isExecutable(local)) {
                return local.toString();
            }
        }
        Optional<Path> onPath = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .filter(s -> !s.isEmpty())
                .map(s -> Path.of(s, "pm2"))
                .filter(Files::isExecutable)
                .findFirst();
        if (onPath.isPresent()) {
            return onPath.get().toString();
        }
        String message = "pm2 is not installed: run `bash .ci/install-ops-tools.sh` (the restore runbooks stop and"
                + " start the app with the real pm2)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    static Map<String, Object> doc(Object id, String name) {
        return Map.of("_id", id, "name", name);
    }
}
