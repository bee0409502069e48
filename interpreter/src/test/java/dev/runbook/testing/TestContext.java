package dev.runbook.testing;

import dev.runbook.engine.LocalTarget;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A real step context for step-type tests: the local target, a work directory, and the logged lines kept. */
public final class TestContext implements StepContext {
    private final Path workDir;
    private final Target target;
    private final Map<String, String> env;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> secrets;

    public TestContext(Path workDir) {
        this(workDir, System.getenv(), List.of());
    }

    public TestContext(Path workDir, Map<String, String> env, List<String> secrets) {
        this.workDir = workDir;
        this.env = env;
        this.secrets = secrets;
        this.target = new LocalTarget();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public String stepId() {
        return "test";
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public void log(String line) {
        lines.add(redact(line));
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public String redact(String text) {
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "********");
        }
        return out;
    }

    private boolean approve = true;

    /** Makes {@link #confirm} answer no, as an operator refusing would. */
    public TestContext refusing() {
        approve = false;
        return this;
    }

    @Override
    public boolean confirm(String question) {
        lines.add("confirm: " + question);
        return approve;
    }

    @Override
    public boolean cancelled() {
        return false;
    }
}
