package dev.runbook.stdlib.service;

import dev.runbook.spi.Args;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import java.io.IOException;
import java.util.Map;

/** {@code systemctl <verb> <unit>}, then the unit's state checked against what the verb promises. */
final class ServiceAction {
    private ServiceAction() {}

    static StepResult run(String verb, boolean expectActive, Args args, StepContext context)
            throws InterruptedException {
        Systemctl systemctl = new Systemctl(args, context);
        String unit = args.string("name");
        try {
            ProcessResult r = systemctl.run(verb, unit);
            if (!r.ok()) {
                return StepResult.failed("systemctl " + verb + " " + unit + " failed (exit " + r.exitCode() + "): "
                        + context.redact(r.lastLine()) + " (check `systemctl status " + unit + "` and `journalctl -u "
                        + unit + "`)");
            }
            Map<String, Object> state = systemctl.state(unit);
            if (!state.get("active").equals(expectActive)) {
                return StepResult.failed(
                        "after systemctl " + verb + " " + unit + " the unit is " + state.get("state")
                                + " (" + state.get("sub_state") + "), expected "
                                + (expectActive ? "active" : "inactive")
                                + " (check `journalctl -u " + unit + "`)",
                        state);
            }
            return StepResult.ok(state);
        } catch (IOException e) {
            return StepResult.failed(systemctl.cannotRun(e));
        }
    }
}
