package dev.runbook.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.model.Type;
import dev.runbook.model.Unknown;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericStepTypesTest {
    private static final Map<String, Effect> GENERIC = Map.ofEntries(
            Map.entry("exec", Effect.WRITE),
            Map.entry("shell", Effect.WRITE),
            Map.entry("http.get", Effect.READ),
            Map.entry("http.check", Effect.READ),
            Map.entry("http.post", Effect.EXTERNAL),
            Map.entry("file.exists", Effect.READ),
            Map.entry("file.copy", Effect.WRITE),
            Map.entry("file.backup", Effect.WRITE),
            Map.entry("file.restore", Effect.WRITE),
            Map.entry("file.write", Effect.WRITE),
            Map.entry("wait", Effect.READ),
            Map.entry("confirm", Effect.EXTERNAL),
            Map.entry("notify", Effect.EXTERNAL));

    private final StepRegistry registry = new StepRegistry(StdlibStepTypes.all());

    @Test
    void everyGenericTypeIsRegisteredWithItsEffect() {
        GENERIC.forEach((name, effect) -> {
            StepType type = registry.find(name).orElseThrow(() -> new AssertionError(name + " is not registered"));
            assertEquals(effect, type.effect(), name);
        });
    }

    @Test
    void theServiceLoaderFindsThem() {
        assertTrue(StepRegistry.load().find("http.check").isPresent());
    }

    @Test
    void schemasAreDocumentedAndDefaultsHaveTheirDeclaredType() {
        for (String name : GENERIC.keySet()) {
            StepType type = registry.find(name).orElseThrow();
            assertFalse(type.summary().isBlank(), name);
            assertFalse(type.outputs().isEmpty(), name);
            type.outputs().forEach(o -> assertFalse(o.description().isBlank(), name + "." + o.name()));
            for (ParamSpec p : type.params()) {
                assertFalse(p.description().isBlank(), name + "." + p.name());
                assertFalse(p.required() && p.defaultValue() != null, name + "." + p.name() + " required with default");
                if (p.defaultValue() != null) {
                    assertTrue(
                            fits(p.type(), p.defaultValue()), name + "." + p.name() + " default " + p.defaultValue());
                }
            }
        }
    }

    @Test
    void describeWorksWhenEveryArgumentIsUnknown() {
        for (String name : GENERIC.keySet()) {
            StepType type = registry.find(name).orElseThrow();
            Map<String, Object> values = new HashMap<>();
            type.params().forEach(p -> values.put(p.name(), new Unknown("steps.x." + p.name())));
            String line = type.describe(Args.of(values));
            assertFalse(line.isBlank(), name);
            assertFalse(line.contains("\n"), name + ": " + line);
        }
    }

    @Test
    void writeTypesThatChangeFilesHaveAnUndo() {
        for (String name : List.of("file.copy", "file.backup", "file.restore", "file.write")) {
            assertTrue(registry.find(name).orElseThrow().hasUndo(), name);
        }
    }

    private static boolean fits(Type type, Object value) {
        return switch (type) {
            case STRING -> value instanceof String;
            case INT -> value instanceof Long;
            case DOUBLE -> value instanceof Double;
            case BOOL -> value instanceof Boolean;
            case DURATION -> value instanceof Duration;
            case LIST -> value instanceof List<?>;
            case MAP -> value instanceof Map<?, ?>;
            case NULL, ANY -> true;
        };
    }
}
