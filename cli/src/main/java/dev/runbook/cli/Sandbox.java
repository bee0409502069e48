package dev.runbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A drill's {@code --sandbox SCRIPT}: {@code SCRIPT create DIR} makes a fresh environment in the empty directory DIR
 * and prints its params, one {@code name=value} a line (blank lines and {@code #} comments are ignored);
 * {@code SCRIPT destroy DIR} stops what it started. What the script prints on stderr goes to the case's log.
 */
final class Sandbox {
    private static final long LIMIT_SECONDS = 300;

    private final Path script;

    Sandbox(Path script) {
        this.script = script.toAbsolutePath().normalize();
    }

    /** A sandbox that could not be made or read: the case cannot run. */
    static final class Broken extends Exception {
        Broken(String message) {
            super(message);
        }
    }

    Path script() {
        return script;
    }

    Map<String, Object> create(Path dir, Path log) throws Broken, InterruptedException {
        String out = run("create", dir, log);
        Map<String, Object> params = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new Broken(script + " create printed `" + l + "`, not name=value");
            }
            params.put(l.substring(0, eq).strip(), l.substring(eq + 1));
        }
        return params;
    }

    /** Stops what {@code create} started and removes DIR; a failure is noted in the log, nothing more. */
    void destroy(Path dir, Path log) throws InterruptedException {
        try {
            run("destroy", dir, log);
        } catch (Broken e) {
            append(log, "sandbox destroy: " + e.getMessage());
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            append(log, "sandbox: cannot remove " + dir + ": " + e.getMessage());
        }
    }

    private String run(String action, Path dir, Path log) throws Broken, InterruptedException {
        if (!Files.isRegularFile(script)) {
            throw new Broken("sandbox script " + script + " does not exist");
        }
        Path printed;
        try {
            // a file, not a pipe: a daemon the script starts (pm2, nginx) keeps its stdout open long after
            printed = Files.createTempFile("runbook-sandbox-", ".out");
        } catch (IOException e) {
            throw new Broken("cannot make a temporary file: " + e.getMessage());
        }
        ProcessBuilder pb = new ProcessBuilder(script.toString(), action, dir.toString())
                .redirectOutput(printed.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new Broken("cannot start the sandbox script " + script + ": " + e.getMessage()
                        + (Files.isExecutable(script) ? "" : " (make it executable: chmod +x)"));
            }
            if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new Broken(script.getFileName() + " " + action + " took longer than " + LIMIT_SECONDS + "s");
            }
            if (p.exitValue() != 0) {
                throw new Broken(script.getFileName() + " " + action + " exited " + p.exitValue() + " (its stderr: "
                        + log + ")");
            }
            return Files.readString(printed);
        } catch (IOException e) {
            throw new Broken("cannot read what " + script + " printed: " + e.getMessage());
        } finally {
            printed.toFile().delete();
        }
    }

    static void append(Path log, String line) {
        try {
            Files.writeString(
                    log, line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is for a human looking later; the report says what matters
        }
    }
}
