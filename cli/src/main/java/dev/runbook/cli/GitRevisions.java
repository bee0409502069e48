package dev.runbook.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runbooks as they were at a revision, read with the git CLI ({@code git ls-tree}, {@code git show REV:path}). */
final class GitRevisions {
    private final Path root;

    private GitRevisions(Path root) {
        this.root = root;
    }

    /** The repository that holds {@code dir}. */
    static GitRevisions at(Path dir) {
        String top = new String(git(dir, "rev-parse", "--show-toplevel"), StandardCharsets.UTF_8).strip();
        return new GitRevisions(Path.of(top));
    }

    Path root() {
        return root;
    }

    /** Paths (relative to the repository) of the files under {@code dir} at {@code rev}. */
    List<String> files(String rev, String dir) {
        String listing = new String(git(root, "ls-tree", "-r", "--name-only", rev, "--", dir), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        listing.lines().filter(l -> !l.isBlank()).forEach(out::add);
        return out;
    }

    byte[] show(String rev, String path) {
        return git(root, "show", rev + ":" + path);
    }

    private static byte[] git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
            drain.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new Failed("git " + String.join(" ", args) + " did not finish in 60s");
            }
            drain.join();
            if (p.exitValue() != 0) {
                throw new Failed("git " + String.join(" ", args) + ": "
                        + err.toString(StandardCharsets.UTF_8).strip());
            }
            return out;
        } catch (IOException e) {
            throw new Failed("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while running git");
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the exit code tells what happened; a lost error text is not worth failing for
        }
    }

    /** Git failed or is missing: one line for the user. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }
}
