package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runbooks/incident.rb decisions that need no application: a low-severity incident needs no rollback target, and a
 * rollback of the wrong kind is refused before any alert goes out.
 */
class IncidentRoutingTest {
    @TempDir
    Path dir;

    private OpsFixture.Cli incident(String... params) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "run",
                OpsFixture.runbook("incident.rb").toString(),
                "--yes",
                "--state-dir",
                dir.resolve("state").toString()));
        for (String p : params) {
            args.addAll(List.of("--param", p));
        }
        return OpsFixture.cli(args);
    }

    @Test
    void aLowSeverityIncidentIsFixedForwardWithoutATarget() throws Exception {
        Path alerts = dir.resolve("alerts.txt");
        OpsFixture.Cli run = incident("severity=low", "reason=typo on the login page", "alert_to=file:" + alerts);
        assertEquals(0, run.exit(), run.all());
        String sent = Files.readString(alerts);
        assertTrue(sent.contains("DECISION: FIX FORWARD"), sent);
        assertTrue(sent.contains("Contacts: Primary DevOps"), sent);
        assertFalse(sent.contains("ROLLBACK STATUS UPDATE"), sent);
    }

    @Test
    void aCodeRollbackWithoutATargetIsRefusedBeforeAnyAlert() throws Exception {
        Path alerts = dir.resolve("alerts.txt");
        OpsFixture.Cli run = incident("severity=high", "reason=login is broken", "alert_to=file:" + alerts);
        assertEquals(4, run.exit(), run.all());
        assertTrue(run.all().contains("a code rollback needs target"), run.all());
        assertFalse(Files.exists(alerts), "nothing was sent");
    }
}
