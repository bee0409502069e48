package dev.runbook.stdlib.flow;

import dev.runbook.spi.StepContext;
import dev.runbook.spi.Target;
import dev.runbook.testing.TestContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A real test context whose operator has already asked the run to stop. */
final class CancelledContext implements StepContext {
    private final TestContext inner;

    CancelledContext(Path dir) {
        inner = new TestContext(dir);
    }

    @Override
    public String stepId() {
        return inner.stepId();
    }

    @Override
    public Path workDir() {
        return inner.workDir();
    }

    @Override
    public Map<String, String> env() {
        return inner.env();
    }

    @Override
    public Target target() {
        return inner.target();
    }

    @Override
    public void log(String line) {
        inner.log(line);
    }

    @Override
    public Clock clock() {
        return inner.clock();
    }

    @Override
    public String redact(String text) {
        return inner.redact(text);
    }

    @Override
    public boolean confirm(String question) {
        return inner.confirm(question);
    }

    @Override
    public boolean cancelled() {
        return true;
    }
}
