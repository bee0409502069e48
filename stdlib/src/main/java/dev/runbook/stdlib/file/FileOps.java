package dev.runbook.stdlib.file;

import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * What the file family shares: atomic copies and writes (a temp file in the target directory, then a rename),
 * keeping the file a step replaces so its undo can put it back, checksums, and plain words for I/O errors.
 */
final class FileOps {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final DateTimeFormatter UNDO_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS");

    private FileOps() {}

    /** The seed's {@code $(date +%Y%m%d_%H%M%S)}, in the clock's zone. */
    static String stamp(Clock clock) {
        return LocalDateTime.now(clock).format(STAMP);
    }

    static void copyAtomically(Path from, Path to) throws IOException {
        Path temp = Files.createTempFile(to.toAbsolutePath().getParent(), ".runbook-", ".tmp");
        try {
            Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            moveAtomically(temp, to);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void writeAtomically(Path to, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(to.toAbsolutePath().getParent(), ".runbook-", ".tmp");
        try {
            Files.write(temp, bytes);
            moveAtomically(temp, to);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Keeps a copy of {@code file} beside it ({@code <name>.runbook-undo-<stamp>}) so an undo can put it back;
     * null when there is no file to keep.
     */
    static Path keepPrevious(Path file, Clock clock) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String base =
                file.getFileName() + ".runbook-undo-" + LocalDateTime.now(clock).format(UNDO_STAMP);
        for (int n = 0; ; n++) {
            Path saved = file.resolveSibling(n == 0 ? base : base + "-" + n);
            try {
                Files.copy(file, saved, StandardCopyOption.COPY_ATTRIBUTES);
                return saved;
            } catch (FileAlreadyExistsException taken) {
                // two steps in the same millisecond: try the next name
            }
        }
    }

    /** Undo of a replacement: the kept file goes back in place, or the file the step created is deleted. */
    static StepResult putBack(String target, String previous, StepContext context) {
        Path to = Path.of(target);
        try {
            if (previous == null) {
                Files.deleteIfExists(to);
                if (Files.exists(to)) {
                    return StepResult.failed("cannot delete " + to + " (it did not exist before); remove it by hand");
                }
                context.log("deleted " + to + " (it did not exist before)");
                return StepResult.ok();
            }
            Path saved = Path.of(previous);
            if (!Files.isRegularFile(saved)) {
                return StepResult.failed("cannot put back " + to + ": the kept copy " + saved
                        + " is gone; restore it from a backup by hand");
            }
            String expected = sha256(saved);
            moveAtomically(saved, to);
            String now = sha256(to); // the undo proves itself: the file holds exactly the kept bytes again
            if (!now.equals(expected)) {
                return StepResult.failed("put back " + to + ", but it now reads sha256 " + now.substring(0, 12)
                        + " where the kept copy had " + expected.substring(0, 12) + "; check it by hand");
            }
            context.log("put back the previous " + to + " (sha256 " + now.substring(0, 12) + ", verified)");
            return StepResult.ok(java.util.Map.of("path", to.toString(), "sha256", now));
        } catch (IOException e) {
            return StepResult.failed("cannot put back " + to + ": " + problem(e));
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** An I/O error in words: which path and what is wrong with it. */
    static String problem(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** A path argument's parent directory, when it is missing, as a failure; null when it exists. */
    static StepResult missingParent(Path file, String param) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return StepResult.failed("directory " + parent + " does not exist; create it first or check " + param);
        }
        return null;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        CopyOption[] atomic = {StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING};
        try {
            Files.move(from, to, atomic);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
