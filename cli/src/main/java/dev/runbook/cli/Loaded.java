package dev.runbook.cli;

import dev.runbook.check.CheckContext;
import dev.runbook.model.Runbook;
import java.nio.file.Path;

/** A runbook that was read and checked without errors. */
record Loaded(Path path, Runbook runbook, CheckContext checked) {
    Path dir() {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }
}
