package dev.runbook.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The world the operations runbooks act on, built for real in a temp directory: a git repository of a small Node
 * HTTP app (tags v1, v1-broken whose /health answers 500, v2 on main) with an ecosystem.config.js, run by a real pm2
 * (its own PM2_HOME) in cluster mode on a free loopback port, behind a real unprivileged nginx (temp prefix, free
 * port). A missing tool fails the test when CI=true and skips it, loudly, elsewhere (see .ci/install-ops-tools.sh).
 */
final class OpsFixture implements AutoCloseable {
    static final String APP = "demo-app";
    /** A second app of the same ecosystem file, like the seed's RAG worker: it says which code and env it runs. */
    static final String WORKER = "demo-worker";

    final Path dir;
    final Path repo;
    final Path nginxPrefix;
    final Path nginxConf;
    final Path site;
    final Path pm2Home;
    final Path systemctl;
    final int appPort;
    final int nginxPort;
    final String pm2;
    final String nginx;
    private boolean pm2Started;
    private boolean nginxStarted;

    private OpsFixture(Path dir, boolean withPm2) throws IOException {
        this.dir = dir;
        this.nginx = tool("nginx", onPath("nginx").or(() -> executable(Path.of("/usr/sbin/nginx"))));
        this.pm2 = withPm2
                ? tool(
                        "pm2",
                        projectRoot()
                                .map(r -> r.resolve(".tools/node/node_modules/.bin/pm2"))
                                .flatMap(OpsFixture::executable)
                                .or(() -> onPath("pm2")))
                : "pm2";
        if (withPm2) {
            tool("npm", onPath("npm"));
            tool("git", onPath("git"));
        }
        this.repo = dir.resolve("repo");
        this.nginxPrefix = dir.resolve("nginx");
        this.nginxConf = nginxPrefix.resolve("conf/nginx.conf");
        this.site = nginxPrefix.resolve("conf/sites/app.conf");
        this.pm2Home = dir.resolve("pm2-home");
        this.systemctl = dir.resolve("systemctl");
        this.appPort = TestPorts.free();
        this.nginxPort = TestPorts.free();
    }

    /** nginx only, proxying to a port where nothing listens, plus a /__rev marker. */
    static OpsFixture nginxOnly(Path dir) throws Exception {
        OpsFixture f = new OpsFixture(dir, false);
        f.startNginx();
        return f;
    }

    /** The app at v2 under pm2 (2 cluster instances) behind nginx, and a stand-in systemctl. */
    static OpsFixture appBehindNginx(Path dir) throws Exception {
        OpsFixture f = new OpsFixture(dir, true);
        try {
            f.writeRepo();
            f.writeSystemctl();
            f.startNginx();
            f.startApp();
            return f;
        } catch (Exception | Error e) {
            f.close();
            throw e;
        }
    }

    // ---- the app ----------------------------------------------------------------------------------------------

    private void writeRepo() throws Exception {
        Files.createDirectories(repo);
        git("init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitignore"), "node_modules/\n");
        Files.writeString(
                repo.resolve("ecosystem.config.js"),
                "module.exports = { apps: [{\n"
                        + "  name: '" + APP
                        + "', script: 'server.js', cwd: __dirname, instances: 2, exec_mode: 'cluster', time: true,\n"
                        + "  env: { PORT: '" + appPort + "' },\n"
                        + "  env_production: { PORT: '" + appPort + "', NODE_ENV: 'production' }\n"
                        + "}, {\n"
                        + "  name: '" + WORKER + "', script: 'worker.js', cwd: __dirname, time: true,\n"
                        + "  env: { WORKER_OUT: " + jsString(workerOut()) + " },\n"
                        + "  env_production: { WORKER_OUT: " + jsString(workerOut()) + ", NODE_ENV: 'production' }\n"
                        + "}] };\n");
        version("1.0.0", 200);
        git("tag", "v1");
        version("1.0.1", 500);
        git("tag", "v1-broken");
        version("2.0.0", 200);
        git("tag", "v2");
    }

    private void version(String version, int health) throws Exception {
        Files.writeString(
                repo.resolve("server.js"),
                "const http = require('http');\n"
                        + "const VERSION = '" + version + "';\n"
                        + "http.createServer((req, res) => {\n"
                        + "  if (req.url === '/health') { res.writeHead(" + health + "); res.end('" + health
                        + "\\n'); return; }\n"
                        + "  if (req.url === '/api/status') {\n"
                        + "    res.writeHead(200, {'content-type': 'application/json'});\n"
                        + "    res.end(JSON.stringify({version: VERSION, env: process.env.NODE_ENV || '', db: 'connected'}));"
                        + " return;\n"
                        + "  }\n"
                        + "  if (req.url === '/api/vector/search') {\n"
                        + "    res.writeHead(200, {'content-type': 'application/json'});\n"
                        + "    res.end(JSON.stringify({results: [{id: 'doc-1', score: 0.93}]})); return;\n"
                        + "  }\n"
                        + "  if (req.url === '/api/boom') { console.error('Error: boom in ' + VERSION); }\n"
                        + "  res.writeHead(404); res.end('not found\\n');\n"
                        + "}).listen(Number(process.env.PORT), '127.0.0.1');\n");
        Files.writeString(
                repo.resolve("worker.js"),
                "require('fs').writeFileSync(process.env.WORKER_OUT, '" + version
                        + " ' + (process.env.NODE_ENV || '-') + '\\n');\n"
                        + "console.log('worker " + version + " started');\n"
                        + "setInterval(() => {}, 1 << 30);\n");
        Files.writeString(
                repo.resolve("package.json"),
                "{\"name\": \"" + APP + "\", \"version\": \"" + version + "\", \"private\": true}\n");
        Files.writeString(
                repo.resolve("package-lock.json"),
                "{\"name\": \"" + APP + "\", \"version\": \"" + version
                        + "\", \"lockfileVersion\": 3, \"requires\": true, \"packages\": {\"\": {\"name\": \"" + APP
                        + "\", \"version\": \"" + version + "\"}}}\n");
        git("add", "-A");
        git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "version " + version);
    }

    private void startApp() throws Exception {
        Files.createDirectories(pm2Home);
        pm2Started = true;
        String out = run(
                Map.of("PM2_HOME", pm2Home.toString()),
                repo,
                pm2,
                "start",
                "ecosystem.config.js",
                "--env",
                "production");
        awaitVersion("2.0.0", "pm2 start gave: " + out);
    }

    /** Waits until every answer of /api/status through nginx names this version. */
    void awaitVersion(String version, String context) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (get("/api/status").contains("\"version\":\"" + version + "\"")) {
                return;
            }
            Thread.sleep(250);
        }
        Assertions.fail("the app never answered version " + version + " through nginx; " + context);
    }

    /** Where the worker writes "version env" when it starts, outside the repository. */
    Path workerOut() {
        return dir.resolve("worker.out");
    }

    /** "version env" of the worker process running now, e.g. "2.0.0 production". */
    String worker() throws IOException {
        return Files.exists(workerOut()) ? Files.readString(workerOut()).strip() : "";
    }

    private static String jsString(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** "name:status" of every pm2 process, from pm2 jlist, sorted. */
    List<String> pm2Statuses() throws Exception {
        String script = "let s=require('fs').readFileSync(0,'utf8');s=s.slice(s.indexOf('[{')>=0?s.indexOf('[{'):"
                + "s.indexOf('[]'));console.log(JSON.parse(s).map(p=>p.name+':'+p.pm2_env.status).join(','))";
        Path jlist = dir.resolve("jlist.json");
        Files.writeString(jlist, run(Map.of("PM2_HOME", pm2Home.toString()), dir, pm2, "jlist"));
        String out = run(Map.of(), dir, "sh", "-c", "node -e \"$1\" < \"$2\"", "sh", script, jlist.toString())
                .strip();
        return out.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(out.split(",")).sorted().toList();
    }

    private void writeSystemctl() throws IOException {
        Files.writeString(
                systemctl,
                "#!/bin/sh\n"
                        + "echo \"$*\" >> '" + dir.resolve("systemctl.log") + "'\n"
                        + "for unit; do :; done\n"
                        + "state='" + dir + "'/state.$unit\n"
                        + "case \"$1\" in\n"
                        + "  start|reload) echo active > \"$state\" ;;\n"
                        + "  stop) echo inactive > \"$state\" ;;\n"
                        + "  show) s=$(cat \"$state\" 2>/dev/null || echo active)\n"
                        + "    echo \"ActiveState=$s\"; [ \"$s\" = active ] && echo SubState=running || echo SubState=dead ;;\n"
                        + "esac\n");
        systemctl.toFile().setExecutable(true);
    }

    /** What the stand-in systemctl was asked to do, one call a line. */
    String systemctlCalls() throws IOException {
        Path log = dir.resolve("systemctl.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    String git(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        return run(Map.of(), repo, argv.toArray(String[]::new));
    }

    // ---- nginx ------------------------------------------------------------------------------------------------

    static String siteConfig(int port, int upstream, String rev) {
        return "limit_req_zone $binary_remote_addr zone=auth:1m rate=2r/s;\n"
                + "server {\n"
                + "  listen 127.0.0.1:" + port + ";\n"
                + "  location = /__rev { return 200 \"" + rev + "\\n\"; }\n"
                + "  location /api/auth/ { limit_req zone=auth burst=2 nodelay; limit_req_status 429;"
                + " proxy_pass http://127.0.0.1:" + upstream + "; }\n"
                + "  location / { proxy_pass http://127.0.0.1:" + upstream + "; }\n"
                + "}\n";
    }

    private void startNginx() throws Exception {
        for (String d : List.of("conf/sites", "run", "logs", "tmp")) {
            Files.createDirectories(nginxPrefix.resolve(d));
        }
        Files.writeString(
                nginxConf,
                "pid run/nginx.pid;\nerror_log logs/error.log info;\nworker_processes 1;\n"
                        + "daemon on;\nevents { worker_connections 64; }\n"
                        + "http {\n  access_log logs/access.log;\n  client_body_temp_path tmp/body;\n"
                        + "  proxy_temp_path tmp/proxy;\n  fastcgi_temp_path tmp/fastcgi;\n  uwsgi_temp_path tmp/uwsgi;\n"
                        + "  scgi_temp_path tmp/scgi;\n  include sites/*.conf;\n}\n");
        Files.writeString(site, siteConfig(nginxPort, appPort, "rev-1"));
        nginxStarted = true;
        String out = run(Map.of(), dir, nginx, "-e", "stderr", "-p", nginxPrefix + "/", "-c", nginxConf.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!get("/__rev").equals("rev-1\n")) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("nginx did not start: " + out);
            }
            Thread.sleep(100);
        }
    }

    /** The params every ops runbook takes to find nginx here. */
    List<String> nginxParams() {
        return List.of(
                "--param",
                "nginx=" + nginx,
                "--param",
                "nginx_prefix=" + nginxPrefix + "/",
                "--param",
                "nginx_conf=" + nginxConf,
                "--param",
                "site=" + site);
    }

    // ---- HTTP and the CLI -------------------------------------------------------------------------------------

    /** GET a path through nginx: the body, or "" when nothing answers. */
    String get(String path) throws InterruptedException {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginxPort + path))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + nginxPort + path;
    }

    /** One CLI run, in this JVM. */
    record Cli(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Cli cli(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(o, e, args.toArray(String[]::new));
        }
        Cli result = new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("---- runbook " + String.join(" ", args) + " -> exit " + exit + "\n" + result.all());
        return result;
    }

    static Path runbook(String name) {
        return projectRoot().orElseThrow().resolve("runbooks").resolve(name);
    }

    @Override
    public void close() throws Exception {
        if (pm2Started) {
            run(Map.of("PM2_HOME", pm2Home.toString()), dir, pm2, "kill");
        }
        if (nginxStarted) {
            Path pid = nginxPrefix.resolve("run/nginx.pid");
            if (Files.exists(pid)) {
                run(Map.of(), dir, "kill", "-QUIT", Files.readString(pid).strip());
            }
        }
    }

    // ---- tools ------------------------------------------------------------------------------------------------

    static String run(Map<String, String> env, Path cwd, String... argv) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0 && !argv[0].equals("kill")) {
            throw new IOException(String.join(" ", argv) + " exited with " + code + ": " + out);
        }
        return out;
    }

    static String tool(String name, Optional<Path> found) {
        if (found.isPresent()) {
            return found.get().toString();
        }
        String message =
                name + " is not installed: run `bash .ci/install-ops-tools.sh` (test needs the real " + name + ")";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    static Optional<Path> executable(Path p) {
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    static Optional<Path> onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Optional.of(Path.of(d, name));
            }
        }
        return Optional.empty();
    }

    static Optional<Path> projectRoot() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null) {
            if (Files.exists(d.resolve("runbooks")) && Files.exists(d.resolve("cli/pom.xml"))) {
                return Optional.of(d);
            }
            d = d.getParent();
        }
        return Optional.empty();
    }
}
