package dev.runbook.cli;

import dev.runbook.engine.Journal;
import dev.runbook.engine.JournalReader;
import dev.runbook.engine.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where runs leave their state: {@code runs/<run-id>/journal.jsonl} and {@code plan.json}, and {@code locks/}.
 * By default {@code .runbook/} beside the runbook (or in the current directory when there is no runbook).
 */
record StateDir(Path root) {
    static final String DEFAULT = ".runbook";

    static StateDir of(Path option, Path runbookDir) {
        if (option != null) {
            return new StateDir(option.toAbsolutePath().normalize());
        }
        return new StateDir((runbookDir == null ? Path.of("") : runbookDir)
                .toAbsolutePath()
                .resolve(DEFAULT)
                .normalize());
    }

    Path runDir(String runId) {
        return root.resolve("runs").resolve(runId);
    }

    Path journal(String runId) {
        return runDir(runId).resolve(Journal.FILE);
    }

    Path planFile(String runId) {
        return runDir(runId).resolve("plan.json");
    }

    Path locks() {
        return root.resolve("locks");
    }

    boolean hasRun(String runId) {
        return !runId.contains("/") && !runId.contains("..") && Files.isRegularFile(journal(runId));
    }

    /** Every run with a readable journal, newest first. */
    List<RunRecord> runs() {
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

    /** The flag resume needs to find this state dir from the current directory (empty when it is ./.runbook). */
    String flag() {
        return root.equals(of(null, null).root()) ? "" : " --state-dir " + root;
    }
}
