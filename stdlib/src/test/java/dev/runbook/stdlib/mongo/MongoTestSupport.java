package dev.runbook.stdlib.mongo;

import dev.runbook.spi.Args;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared by the mongo tests: the mongodump fixtures, and arguments with the step type's defaults filled in. */
final class MongoTestSupport {
    private MongoTestSupport() {
    }

    /**
     * {@code shared/fixtures/mongo-tools}, found by walking up from the working directory: the repository is a clone
     * whose parent also holds {@code shared/}. Missing fixtures fail the test, they never skip it.
     */
    static Path fixtures() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/mongo-tools");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("shared/fixtures/mongo-tools not found above " + Path.of("").toAbsolutePath()
                + ": the mongo restore tests need the mongodump fixtures");
    }

    static Path fixture(String relative) {
        Path p = fixtures().resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError("fixture missing: " + p);
        }
        return p;
    }

    /** Arguments as the engine would give them: the defaults of {@code type}, then {@code given}. */
    static Args args(StepType type, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : type.params()) {
            if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            }
        }
        values.putAll(given);
        return Args.of(values);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
