package dev.runbook.cli;

import dev.runbook.check.CheckContext;
import dev.runbook.model.Runbook;
import java.nio.file.Path;

/** A runbook that was read and checked without errors, with the tree of runbooks it calls: its program. */
record Loaded(Path path, Runbook runbook, CheckContext checked, dev.runbook.plan.Program program) {
    Path dir() {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }
}
