package dev.runbook.testing;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A read step for engine tests whose output {@code n} counts its executions, kept in {@code <step>.count} in the
 * work directory: what verify polling re-runs.
 */
public final class CounterStep implements StepType {
    @Override
    public String name() {
        return "counter";
    }

    @Override
    public String summary() {
        return "Count executions in <step>.count (engine tests)";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<dev.runbook.spi.ParamSpec> params() {
        return List.of();
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(OutputSpec.of("n", Type.INT, "how many times this step has run, this one included"));
    }

    @Override
    public String describe(Args args) {
        return "count";
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        Path file = countFile(context.workDir(), context.stepId());
        try {
            long n = Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) + 1 : 1;
            Files.writeString(file, Long.toString(n));
            return StepResult.ok(Map.of("n", n));
        } catch (IOException e) {
            return StepResult.failed("cannot count in " + file + ": " + e.getMessage());
        }
    }

    public static Path countFile(Path dir, String stepId) {
        return dir.resolve(stepId + ".count");
    }

    public static long count(Path dir, String stepId) throws IOException {
        Path file = countFile(dir, stepId);
        return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 0;
    }
}
