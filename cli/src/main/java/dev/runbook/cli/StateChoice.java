package dev.runbook.cli;

import dev.runbook.engine.LocalState;
import dev.runbook.engine.StateStore;
import java.nio.file.Path;

/** Picks where runs keep their state, from the command line. */
final class StateChoice {
    private StateChoice() {}

    static StateStore of(Path stateDir, Path runbookDir) {
        return LocalState.of(stateDir, runbookDir);
    }
}
