package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * install.sh and the CI action's install step, against a real HTTP server on loopback that serves the archive this
 * build made, laid out as releases are (URL/vVERSION/runbook-VERSION.tar.gz and .sha256).
 */
class InstallScriptIT {
    @TempDir
    Path tmp;

    private HttpServer server;
    private Path served;

    @BeforeEach
    void serve() throws IOException {
        Release.tool("sh");
        if (!hasTool("curl") && !hasTool("wget")) {
            Release.tool("curl");
        }
        served = Files.createDirectories(tmp.resolve("www"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = served.resolve(exchange.getRequestURI().getPath().substring(1))
                    .normalize();
            boolean found = file.startsWith(served) && Files.isRegularFile(file);
            byte[] body = found ? Files.readAllBytes(file) : "not found\n".getBytes();
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void publish(String checksumLine) throws IOException {
        Path dir = Files.createDirectories(served.resolve("v" + Release.version()));
        Path archive = Release.archive("tar.gz");
        Files.copy(archive, dir.resolve(archive.getFileName()));
        Files.writeString(dir.resolve(archive.getFileName() + ".sha256"), checksumLine);
    }

    private Map<String, String> env() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    @Test
    void installsANamedVersionUnderAPrefix() throws Exception {
        Path archive = Release.archive("tar.gz");
        publish(Files.readString(archive.resolveSibling(archive.getFileName() + ".sha256")));
        Path prefix = tmp.resolve("prefix");

        Release.Result install = Release.run(
                tmp,
                env(),
                Release.tool("sh").toString(),
                Release.root().resolve("install.sh").toString(),
                Release.version(),
                "--from",
                url(),
                "--prefix",
                prefix.toString());
        assertEquals(0, install.code(), install.toString());
        assertTrue(Files.isSymbolicLink(prefix.resolve("bin/runbook")), install.toString());

        // through the link in PREFIX/bin, as from the PATH: the launcher finds its jar behind the link
        Release.Result version =
                Release.run(tmp, env(), prefix.resolve("bin/runbook").toString(), "--version");
        assertEquals(0, version.code(), version.toString());
        assertTrue(version.out().startsWith("runbook " + Release.version() + " "), version.toString());
    }

    @Test
    void refusesAnArchiveWhoseChecksumDiffers() throws Exception {
        publish("0".repeat(64) + "  runbook-" + Release.version() + ".tar.gz\n");
        Path prefix = tmp.resolve("prefix");

        Release.Result install = Release.run(
                tmp,
                env(),
                Release.tool("sh").toString(),
                Release.root().resolve("install.sh").toString(),
                Release.version(),
                "--from",
                url(),
                "--prefix",
                prefix.toString());
        assertEquals(1, install.code(), install.toString());
        assertTrue(
                install.err()
                        .contains("checksum mismatch for runbook-" + Release.version() + ".tar.gz: expected "
                                + "0".repeat(64)),
                install.toString());
        assertTrue(install.err().contains("nothing was installed"), install.toString());
        assertFalse(Files.exists(prefix.resolve("bin/runbook")), install.toString());
        assertFalse(Files.exists(prefix.resolve("lib/runbook/" + Release.version())), install.toString());
        try (var left = Files.list(prefix.resolve("lib/runbook"))) {
            assertEquals(List.of(), left.toList(), "no staging folder is left behind");
        }
    }

    @Test
    void unknownVersionFailsNamingTheUrl() throws Exception {
        Release.Result install = Release.run(
                tmp,
                env(),
                Release.tool("sh").toString(),
                Release.root().resolve("install.sh").toString(),
                "9.9.9",
                "--from",
                url(),
                "--prefix",
                tmp.resolve("prefix").toString());
        assertEquals(1, install.code(), install.toString());
        assertTrue(
                install.err().contains("could not download " + url() + "/v9.9.9/runbook-9.9.9.tar.gz"),
                install.toString());
    }

    /**
     * The action's install step as a runner runs it: its script under bash, its env with the inputs filled in, and
     * the GITHUB_* variables a runner sets. Java comes from actions/setup-java there; here, from JAVA_HOME.
     */
    @Test
    void actionInstallsThePinnedVersionAndPutsItOnThePath() throws Exception {
        Path archive = Release.archive("tar.gz");
        publish(Files.readString(archive.resolveSibling(archive.getFileName() + ".sha256")));
        @SuppressWarnings("unchecked")
        Map<String, Object> action =
                (Map<String, Object>) new Load(LoadSettings.builder().build())
                        .loadFromString(Files.readString(Release.root().resolve("action.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertEquals("composite", runs.get("using"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
        assertTrue(String.valueOf(steps.get(0).get("uses")).startsWith("actions/setup-java@"), steps.toString());
        Map<String, Object> install =
                steps.stream().filter(s -> s.containsKey("run")).findFirst().orElseThrow();
        assertEquals("bash", install.get("shell"));
        String script = (String) install.get("run");
        assertFalse(script.contains("${{"), "every input reaches the script through env: " + script);

        Map<String, String> inputs = Map.of("version", Release.version(), "releases-url", url());
        Map<String, String> env = env();
        @SuppressWarnings("unchecked")
        Map<String, Object> stepEnv = (Map<String, Object>) install.get("env");
        for (Map.Entry<String, Object> e : stepEnv.entrySet()) {
            env.put(e.getKey(), expand(String.valueOf(e.getValue()), inputs));
        }
        Path githubPath = Files.createFile(tmp.resolve("github_path"));
        env.putAll(new LinkedHashMap<>(Map.of(
                "GITHUB_ACTION_PATH", Release.root().toString(),
                "GITHUB_PATH", githubPath.toString(),
                "GITHUB_SERVER_URL", "http://127.0.0.1:9",
                "RUNNER_TOOL_CACHE", tmp.resolve("toolcache").toString())));

        Release.Result step = Release.run(tmp, env, Release.tool("bash").toString(), "-e", "-c", script);
        assertEquals(0, step.code(), step.toString());
        Path bin = tmp.resolve("toolcache/runbook/bin");
        assertEquals(List.of(bin.toString()), Files.readAllLines(githubPath));
        assertTrue(step.out().contains("runbook " + Release.version() + " (commit "), step.toString());
        assertTrue(Files.isExecutable(bin.resolve("runbook")));
    }

    /** {@code ${{ inputs.NAME }}} and {@code ${{ github.action_repository }}}, the expressions the step's env uses. */
    private static String expand(String value, Map<String, String> inputs) {
        Matcher m = Pattern.compile("\\$\\{\\{\\s*([a-z_.-]+)\\s*}}").matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replaced = name.equals("github.action_repository")
                    ? "owner/runbook"
                    : inputs.getOrDefault(name.replaceFirst("^inputs\\.", ""), "");
            m.appendReplacement(sb, Matcher.quoteReplacement(replaced));
        }
        return m.appendTail(sb).toString();
    }

    private static boolean hasTool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, name))) {
                return true;
            }
        }
        return false;
    }
}
