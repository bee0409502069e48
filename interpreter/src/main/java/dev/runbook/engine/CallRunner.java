package dev.runbook.engine;

import dev.runbook.expr.Env;
import dev.runbook.model.Invocation;
import dev.runbook.plan.Program;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import java.util.Map;

/**
 * Runs the program of a {@code call} step (read when the plan was made, never again), with the evaluated arguments
 * as its params. {@code callee} is null when the plan holds no program for the step.
 */
public interface CallRunner {
    StepResult call(Program callee, Invocation invocation, Map<String, Object> params, StepContext context)
            throws InterruptedException;

    /**
     * Runs the program of an {@code on} block on the hosts of its target, in its rolling batches; {@code outer}
     * is what the block's steps can read of the run around it (params, {@code steps} so far).
     */
    default StepResult hosts(Program block, Env outer, StepContext context) throws InterruptedException {
        return StepResult.refused("this run cannot run steps on hosts (block " + context.stepId() + ")");
    }

    /**
     * Undoes the hosts of a finished {@code on} block, last batch first, when a later step of the run failed. True
     * when every undo worked (or there was nothing to undo).
     */
    default boolean undoHosts(String blockId) {
        return true;
    }
}
