package dev.runbook.engine;

import dev.runbook.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A runbook's lock scope held for a whole run: a file under {@code <state-dir>/locks/}, created with CREATE_NEW so
 * only one run can make it, holding its {@link LockHolder}. A lock whose holder died on this host is taken over:
 * the stale file is first renamed away (atomic, so two runs taking over cannot both succeed), then created anew.
 */
public final class RunLock implements StateLock {
    private static final Duration POLL = Duration.ofMillis(200);
    private final Path file;
    private final LockHolder holder;
    private final LockHolder takenOverFrom;

    private RunLock(Path file, LockHolder holder, LockHolder takenOverFrom) {
        this.file = file;
        this.holder = holder;
        this.takenOverFrom = takenOverFrom;
    }

    /** The lock is held by someone else (after waiting, if asked to wait). */
    public static final class Held extends Exception {
        private final LockHolder holder;

        public Held(LockHolder holder) {
            super(null, null, false, false);
            this.holder = holder;
        }

        public LockHolder holder() {
            return holder;
        }
    }

    /** Takes the lock, polling up to {@code wait} while someone alive holds it. */
    public static RunLock acquire(Path locksDir, LockHolder me, Duration wait, Clock clock)
            throws IOException, Held, InterruptedException {
        Files.createDirectories(locksDir);
        Path file = locksDir.resolve(fileName(me.scope()));
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (create(file, me)) {
                return new RunLock(file, me, null);
            }
            LockHolder current = readHolder(file);
            if (current != null && current.deadHere(me.host()) && takeOver(file, current)) {
                if (create(file, me)) {
                    return new RunLock(file, me, current);
                }
                continue;
            }
            if (System.nanoTime() >= deadline) {
                throw new Held(
                        current != null ? current : new LockHolder(me.scope(), "?", -1, "?", "?", clock.instant()));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The file name for a scope: safe characters only, plus a short hash so distinct scopes never collide. */
    static String fileName(String scope) {
        String safe = scope.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        return safe + "-" + String.format(Locale.ROOT, "%08x", scope.hashCode()) + ".lock";
    }

    private static boolean create(Path file, LockHolder me) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap((Json.write(me.toMap()) + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(true);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** The holder, or null while the file is being written or already gone (the caller tries again). */
    static LockHolder readHolder(Path file) throws IOException {
        for (int i = 0; i < 10; i++) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (Json.parse(text) instanceof Map<?, ?> m) {
                    return LockHolder.fromMap(m);
                }
            } catch (NoSuchFileException e) {
                return null;
            } catch (RuntimeException e) {
                // being written by its creator right now
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Moves the dead holder's file aside; false if another run moved or replaced it first. */
    private static boolean takeOver(Path file, LockHolder dead) throws IOException {
        Path aside = file.resolveSibling(
                file.getFileName() + ".stale-" + ProcessHandle.current().pid());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            return false;
        }
        LockHolder moved = readHolder(aside);
        if (moved != null && !moved.equals(dead)) {
            // we moved a fresh lock someone made after the dead one was gone: give it back
            try {
                Files.createLink(file, aside);
            } catch (FileAlreadyExistsException ignored) {
                // a third run holds it now; either way it is not ours
            }
            Files.deleteIfExists(aside);
            return false;
        }
        Files.deleteIfExists(aside);
        return true;
    }

    @Override
    public LockHolder holder() {
        return holder;
    }

    @Override
    public LockHolder takenOverFrom() {
        return takenOverFrom;
    }

    /** Releases the lock if the file is still ours. */
    @Override
    public void close() {
        try {
            LockHolder current = readHolder(file);
            if (holder.equals(current)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // nothing more can be done; a later run sees our pid dead and takes over
        }
    }
}
