package dev.runbook.cli;

import dev.runbook.engine.InvariantDifference;
import java.util.List;

/**
 * One run of a drill: the baseline ({@code step} null) or a run with {@code step} made to fail; how it ended and
 * what was not as it was afterwards. {@code runId} names the run's journal ({@code runbook show}). With
 * {@code partWay} the step was made to fail part-way through its own work rather than after it.
 */
record DrillCase(
        String step,
        String type,
        Outcome outcome,
        String runId,
        String message,
        List<InvariantDifference> differences,
        List<String> failingVerifies,
        long durationMs,
        boolean partWay) {
    DrillCase {
        differences = List.copyOf(differences);
        failingVerifies = List.copyOf(failingVerifies);
    }

    enum Outcome {
        /** The baseline ran through. */
        RAN("ran through"),
        /** The injected failure was undone and every invariant and final verify is as it was. */
        RESTORED("undo restored everything"),
        /** The run was undone, but an invariant or a final verify differs. */
        DIFFERENCE("left a difference"),
        /** An undo failed (exit 6). */
        UNDO_FAILED("undo failed"),
        /** The step ran in the baseline but not in its own case (so nothing was injected there). */
        NOT_REACHED("not reached"),
        /**
         * The step did not run in the baseline (a `when` ruled it out for these params): not drilled, which does not
         * fail the drill, but the verdict names it.
         */
        SKIPPED("not drilled"),
        /** The case could not be run (the sandbox, the params, the baseline failing). */
        BROKEN("could not run");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    boolean passed() {
        return outcome == Outcome.RAN || outcome == Outcome.RESTORED || outcome == Outcome.SKIPPED;
    }

    boolean baseline() {
        return step == null;
    }

    String name() {
        return step == null ? "baseline" : partWay ? step + " (part-way)" : step;
    }
}
