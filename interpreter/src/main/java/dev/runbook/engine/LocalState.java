package dev.runbook.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
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
}
