package dev.runbook.stdlib.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.stdlib.testing.OpsTools;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service step types against a stand-in systemctl (there is no systemd here): a script that records its calls
 * and keeps each unit's state in a file, so start/stop/show behave like the real one for these tests.
 */
class ServiceStepsWithStandInSystemctlTest {
    @TempDir
    Path dir;

    Path systemctl;
    Path calls;
    TestContext context;

    @BeforeEach
    void writeStandIn() throws Exception {
        calls = dir.resolve("calls.log");
        systemctl = dir.resolve("systemctl");
        Files.writeString(
                systemctl,
                "#!/bin/sh\n"
                        + "echo \"$*\" >> '" + calls + "'\n"
                        + "for unit; do :; done\n"
                        + "state='" + dir + "'/state.$unit\n"
                        + "case \"$1\" in\n"
                        + "  start|reload) [ \"$unit\" = broken ] && { echo 'Job failed. See journalctl -xe' >&2; exit 1; }\n"
                        + "    echo active > \"$state\" ;;\n"
                        + "  stop) echo inactive > \"$state\" ;;\n"
                        + "  show) s=$(cat \"$state\" 2>/dev/null || echo inactive)\n"
                        + "    echo \"ActiveState=$s\"; [ \"$s\" = active ] && echo SubState=running || echo SubState=dead ;;\n"
                        + "esac\n");
        systemctl.toFile().setExecutable(true);
        context = new TestContext(dir);
    }

    private StepResult run(StepType step, String unit) throws Exception {
        return step.execute(OpsTools.args(step, Map.of("name", unit, "systemctl", systemctl.toString())), context);
    }

    private List<String> calls() throws Exception {
        return Files.readAllLines(calls);
    }

    @Test
    void stopThenUndoStartsAgainAndStatusFollows() throws Exception {
        ServiceToggleStep stop = new ServiceToggleStep(false);
        assertTrue(run(new ServiceToggleStep(true), "health").isOk());
        assertEquals(true, run(new ServiceStatusStep(), "health").outputs().get("active"));
        StepResult stopped = run(stop, "health");
        assertTrue(stopped.isOk(), stopped.message());
        assertEquals("inactive", stopped.outputs().get("state"));
        assertEquals("dead", run(new ServiceStatusStep(), "health").outputs().get("sub_state"));
        Map<String, Object> values = new HashMap<>(Map.of("name", "health", "systemctl", systemctl.toString()));
        StepResult undone = stop.undo(OpsTools.args(stop, values), stopped.outputs(), context);
        assertTrue(undone.isOk(), undone.message());
        assertEquals(
                List.of(
                        "start health",
                        "show -p ActiveState -p SubState health",
                        "show -p ActiveState -p SubState health",
                        "stop health",
                        "show -p ActiveState -p SubState health",
                        "show -p ActiveState -p SubState health",
                        "start health",
                        "show -p ActiveState -p SubState health"),
                calls());
    }

    @Test
    void aFailedStartQuotesSystemctlAndSaysWhereToLook() throws Exception {
        StepResult r = run(new ServiceToggleStep(true), "broken");
        assertFalse(r.isOk());
        assertTrue(r.message().contains("Job failed. See journalctl -xe"), r.message());
        assertTrue(r.message().contains("journalctl -u broken"), r.message());
    }

    @Test
    void reloadChecksTheUnitStaysActiveAndDescribeNamesTheCommand() throws Exception {
        StepResult r = run(new ServiceReloadStep(), "nginx");
        assertTrue(r.isOk(), r.message());
        ServiceToggleStep stop = new ServiceToggleStep(false);
        assertEquals(
                "systemctl stop cryptique-health-check, then check it is inactive",
                stop.describe(OpsTools.args(stop, Map.of("name", "cryptique-health-check"))));
    }
}
