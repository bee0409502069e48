package dev.runbook.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The step types that may run in an {@code on} block: each works only through the host's connection
 * ({@code StepContext.target()}), read from its class. A type joins this list when its class was read for it.
 */
class OnHostTypesTest {
    @Test
    void exactlyTheTypesThatWorkThroughTheTargetRunOnHosts() {
        List<String> onHost = StdlibStepTypes.all().stream()
                .filter(t -> t.traits().contains(Trait.ON_HOST))
                .map(StepType::name)
                .sorted()
                .toList();
        List<String> expected = List.of(
                "exec",
                "nginx.reload",
                "nginx.start",
                "nginx.stop",
                "nginx.test",
                "npm.ci",
                "pm2.delete",
                "pm2.describe",
                "pm2.errors",
                "pm2.health",
                "pm2.list",
                "pm2.logs",
                "pm2.reload",
                "pm2.restart",
                "pm2.scale",
                "pm2.start",
                "pm2.stop",
                "service.reload",
                "service.start",
                "service.status",
                "service.stop",
                "shell");
        assertEquals(expected, onHost);
    }
}
