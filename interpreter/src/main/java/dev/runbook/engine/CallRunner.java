package dev.runbook.engine;

import dev.runbook.model.Invocation;
import dev.runbook.model.Runbook;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import java.util.Map;

/** Runs the runbook a {@code call} step names, with the evaluated arguments as its params. */
public interface CallRunner {
    StepResult call(Runbook caller, Invocation invocation, Map<String, Object> params, StepContext context)
            throws InterruptedException;
}
