package dev.runbook.stdlib.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.StepArgs;
import dev.runbook.testing.TestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmStepTest {
    private final ConfirmStep confirm = new ConfirmStep();

    @TempDir
    Path dir;

    @Test
    void approvalLetsTheRunGoOn() throws Exception {
        TestContext context = new TestContext(dir);
        StepResult result = confirm.execute(StepArgs.of(confirm, Map.of("message", "Drop database app?")), context);

        assertTrue(result.isOk());
        assertEquals(true, result.outputs().get("approved"));
        assertEquals(List.of("confirm: Drop database app?"), context.lines());
    }

    @Test
    void refusalFails() throws Exception {
        StepResult result = confirm.execute(
                StepArgs.of(confirm, Map.of("message", "Drop database app?")), new TestContext(dir).refusing());

        assertFalse(result.isOk());
        assertEquals("refused by the operator: Drop database app?", result.message());
        assertEquals(false, result.outputs().get("approved"));
    }

    @Test
    void theQuestionIsMasked() throws Exception {
        TestContext context = new TestContext(dir, Map.of(), List.of("s3cret"));
        confirm.execute(StepArgs.of(confirm, Map.of("message", "use password s3cret?")), context);

        assertEquals(List.of("confirm: use password ********?"), context.lines());
    }
}
