package dev.runbook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The release archive that {@code package} made (failsafe passes where), and running its launcher as a user would: a
 * real process with a PATH of our choosing. For the *IT tests, which run after {@code package}.
 */
final class Release {
    private Release() {}

    static String version() {
        return System.getProperty("runbook.version");
    }

    static Path root() {
        return Path.of(System.getProperty("runbook.root"));
    }

    /** {@code runbook-VERSION.EXT} in cli/target. */
    static Path archive(String ext) {
        Path file = Path.of(System.getProperty("runbook.release.dir"), "runbook-" + version() + "." + ext);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("the build made no " + file + " (the release archive is made in `package`)");
        }
        return file;
    }

    /** A tool this test runs, or a skip naming it (a failure with CI=true). */
    static Path tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = name + " is not on the PATH; this test needs it";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        return null;
    }

    /**
     * A folder of links to just the named tools, to be the whole PATH of a command: no Maven, no mvnw, nothing else
     * of this machine's.
     */
    static Path toolsOnly(Path dir, String... names) throws IOException {
        Files.createDirectories(dir);
        for (String name : names) {
            Files.createSymbolicLink(dir.resolve(name), tool(name));
        }
        return dir;
    }

    static Path unpack(Path archive, Path into) throws Exception {
        Files.createDirectories(into);
        Result r = run(into, Map.of("PATH", System.getenv("PATH")), tool("tar").toString(), "-xzf", archive.toString());
        if (r.code() != 0) {
            throw new AssertionError("tar failed: " + r);
        }
        return into.resolve("runbook-" + version());
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Every file under {@code dir} with its size and modification time: to show that nothing wrote there. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                files.put(dir.relativize(p).toString(), Files.size(p) + " " + Files.getLastModifiedTime(p));
            }
        }
        return files;
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    /** Runs a command in {@code dir} with exactly the environment {@code env}, up to two minutes. */
    static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile("release-out", ".txt");
        Path err = Files.createTempFile("release-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not exit within 2 minutes");
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
