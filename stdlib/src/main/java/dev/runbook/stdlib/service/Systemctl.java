package dev.runbook.stdlib.service;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Command;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.StepContext;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** systemctl as the service step types run it, and a unit's state read with {@code systemctl show}. */
final class Systemctl {
    static final ParamSpec UNIT = ParamSpec.required("name", Type.STRING, "the unit, e.g. cryptique-health-check");
    static final ParamSpec BINARY = ParamSpec.optional("systemctl", Type.STRING, "systemctl", "the systemctl binary");
    static final List<ParamSpec> PARAMS = List.of(UNIT, BINARY);

    private final StepContext context;
    private final String binary;

    Systemctl(Args args, StepContext context) {
        this.context = context;
        this.binary = args.has("systemctl") ? args.string("systemctl") : "systemctl";
    }

    static String show(Args args) {
        return args.has("systemctl") ? args.show("systemctl") : "systemctl";
    }

    ProcessResult run(String... argv) throws IOException, InterruptedException {
        Command command = Command.of(prepend(argv)).withTimeout(Duration.ofMinutes(2));
        return context.target().run(command);
    }

    /** {active, state, sub_state} from {@code systemctl show -p ActiveState -p SubState}. */
    Map<String, Object> state(String unit) throws IOException, InterruptedException {
        ProcessResult r = run("show", "-p", "ActiveState", "-p", "SubState", unit);
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                props.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        String state = props.getOrDefault("ActiveState", "unknown");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active", "active".equals(state));
        out.put("state", state);
        out.put("sub_state", props.getOrDefault("SubState", ""));
        return out;
    }

    String cannotRun(IOException e) {
        return "cannot run " + binary + ": " + e.getMessage() + " (no systemd here? pass systemctl: \"/path\")";
    }

    private String[] prepend(String[] argv) {
        String[] out = new String[argv.length + 1];
        out[0] = binary;
        System.arraycopy(argv, 0, out, 1, argv.length);
        return out;
    }
}
