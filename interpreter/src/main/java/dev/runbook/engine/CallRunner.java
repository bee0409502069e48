package dev.runbook.engine;

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
}
