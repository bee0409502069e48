package dev.runbook.engine;

import dev.runbook.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * State in a directory on this machine: {@code runs/<run-id>/journal.jsonl} and {@code plan.json}, and
 * {@code locks/}. By default {@code .runbook/} beside the runbook (or in the current directory when there is none).
 */
public record LocalState(Path root) implements StateStore {
    public static final String DEFAULT = ".runbook";

    public static LocalState of(Path option, Path runbookDir) {
        if (option != null) {
            return new LocalState(option.toAbsolutePath().normalize());
        }
        return new LocalState((runbookDir == null ? Path.of("") : runbookDir)
                .toAbsolutePath()
                .resolve(DEFAULT)
                .normalize());
    }

    public Path runDir(String runId) {
        return root.resolve("runs").resolve(runId);
    }

    public Path journal(String runId) {
        return runDir(runId).resolve(Journal.FILE);
    }

    public Path planFile(String runId) {
        return runDir(runId).resolve("plan.json");
    }

    public Path locks() {
        return root.resolve("locks");
    }

    @Override
    public String where() {
        return root.toString();
    }

    /** The flag resume needs to find this state dir from the current directory (empty when it is ./.runbook). */
    @Override
    public String flag() {
        return root.equals(of(null, null).root()) ? "" : " --state-dir " + root;
    }

    @Override
    public StateLock lock(LockHolder me, Duration wait, Clock clock)
            throws IOException, RunLock.Held, InterruptedException {
        return RunLock.acquire(locks(), me, wait, clock);
    }

    @Override
    public RunJournal journal(String runId, Map<String, Object> header, Clock clock, StateLock lock)
            throws IOException {
        return Journal.open(journal(runId), header, clock);
    }

    @Override
    public void savePlan(String runId, String planJson) throws IOException {
        Files.createDirectories(runDir(runId));
        if (!Files.exists(planFile(runId))) {
            Path tmp = runDir(runId).resolve("plan.json.tmp");
            Files.writeString(tmp, planJson);
            Files.move(tmp, planFile(runId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Override
    public String plan(String runId) throws IOException {
        return Files.isRegularFile(planFile(runId)) ? Files.readString(planFile(runId)) : null;
    }

    @Override
    public boolean hasRun(String runId) {
        return !runId.contains("/") && !runId.contains("..") && Files.isRegularFile(journal(runId));
    }

    @Override
    public RunRecord read(String runId) throws IOException {
        return JournalReader.read(journal(runId));
    }

    @Override
    public List<RunRecord> runs() {
        Path runs = root.resolve("runs");
        List<RunRecord> out = new ArrayList<>();
        if (!Files.isDirectory(runs)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path dir : dirs.toList()) {
                Path journal = dir.resolve(Journal.FILE);
                if (Files.isRegularFile(journal)) {
                    RunRecord r = JournalReader.read(journal);
                    if (r.runId() != null) {
                        out.add(r);
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(RunRecord::started).reversed());
        return out;
    }

    /**
     * The newest run of the runbook at {@code path} (absolute, normalized), or null. Only that run's journal is read
     * whole; of the others only the first line (the run's start: its path and time), so a state directory that
     * keeps many runs does not slow every start.
     */
    @Override
    public RunRecord latestRunOf(String path) {
        Path runs = root.resolve("runs");
        if (path == null || !Files.isDirectory(runs)) {
            return null;
        }
        Path newest = null;
        Instant newestStart = null;
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path dir : dirs.toList()) {
                Path journal = dir.resolve(Journal.FILE);
                Instant started = startOf(journal, path);
                if (started != null && (newestStart == null || started.isAfter(newestStart))) {
                    newest = journal;
                    newestStart = started;
                }
            }
            return newest == null ? null : JournalReader.read(newest);
        } catch (IOException e) {
            return null;
        }
    }

    /** When the run of this journal started, if its first line is the start of a run of {@code path}. */
    private static Instant startOf(Path journal, String path) {
        if (!Files.isRegularFile(journal)) {
            return null;
        }
        try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first != null
                    && Json.parse(first) instanceof Map<?, ?> m
                    && "run-start".equals(m.get("event"))
                    && m.get("run_id") != null
                    && path.equals(m.get("path"))
                    && m.get("time") instanceof String time) {
                return Instant.parse(time);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or torn: not the run to hint at
        }
        return null;
    }
}
