package dev.runbook.cli;

import dev.runbook.spi.StepLibrary;
import dev.runbook.spi.StepType;
import java.util.List;

/** Step types only the CLI's tests see (ServiceLoader, from the test resources). */
public final class TestSteps implements StepLibrary {
    @Override
    public List<StepType> stepTypes() {
        return List.of(new ResetStep());
    }
}
