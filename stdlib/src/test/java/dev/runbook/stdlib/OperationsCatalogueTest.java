package dev.runbook.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.model.Unknown;
import dev.runbook.spi.Args;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every operations step type is registered and can describe itself in a plan with every argument unknown. */
class OperationsCatalogueTest {
    static final List<String> FAMILIES = List.of("git.", "npm.", "pm2.", "service.", "nginx.");

    private static List<StepType> operations() {
        return StdlibStepTypes.all().stream()
                .filter(t -> FAMILIES.stream().anyMatch(f -> t.name().startsWith(f)))
                .toList();
    }

    @Test
    void allOperationsTypesAreRegisteredOnce() {
        new StepRegistry(StdlibStepTypes.all());
        assertEquals(30, operations().size());
        for (String name : List.of("git.checkout", "npm.ci", "pm2.scale", "service.status", "nginx.config.restore")) {
            assertTrue(StepRegistry.load().find(name).isPresent(), name);
        }
    }

    @Test
    void everyTypeHasASummaryOutputsAndAPlanTextWithUnknownArguments() {
        for (StepType t : operations()) {
            assertFalse(t.summary().isBlank(), t.name());
            assertFalse(t.outputs().isEmpty(), t.name());
            Map<String, Object> values = new HashMap<>();
            for (ParamSpec p : t.params()) {
                values.put(p.name(), new Unknown("params." + p.name()));
            }
            String text = t.describe(Args.of(values));
            assertFalse(text.isBlank(), t.name());
            if (t.hasUndo()) {
                assertFalse(t.describeUndo(Args.of(values)).isBlank(), t.name());
            }
        }
    }
}
