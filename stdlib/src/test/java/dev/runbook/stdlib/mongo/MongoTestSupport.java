package dev.runbook.stdlib.mongo;

import dev.runbook.spi.Args;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepType;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared by the mongo tests: the mongodump fixtures, and arguments with the step type's defaults filled in. */
final class MongoTestSupport {
    private MongoTestSupport() {}

    /**
     * The mongodump fixtures copied from mongo-tools into this module's test resources
     * ({@code src/test/resources/mongo-tools}, see its README), as they are on the test class path. Missing
     * fixtures fail the test, they never skip it.
     */
    static Path fixtures() {
        URL readme = MongoTestSupport.class.getResource("/mongo-tools/README.md");
        if (readme == null) {
            throw new AssertionError(
                    "mongo-tools fixtures missing from the test class path (src/test/resources/mongo-tools)");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new AssertionError("mongo-tools fixtures not in a folder: " + readme, e);
        }
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
