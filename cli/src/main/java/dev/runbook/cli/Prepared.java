package dev.runbook.cli;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.expr.Env;
import dev.runbook.inventory.Inventory;
import dev.runbook.plan.BoundParams;
import dev.runbook.plan.ParamBinder;
import dev.runbook.plan.Plan;
import dev.runbook.plan.Planner;
import dev.runbook.plan.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A runbook read, checked, and given its params: ready to plan or run. */
record Prepared(
        Loaded loaded,
        BoundParams params,
        Redactor redactor,
        Env env,
        dev.runbook.spi.StepRegistry registry,
        Inventory inventory) {
    /** Reads, checks and binds; on any mistake prints it and returns the exit code through {@link Failed}. */
    static Prepared of(Services services, Path file, ParamOptions options, Clock clock) {
        Map<String, Object> given;
        try {
            given = options.given();
        } catch (ParamOptions.BadParams e) {
            services.err().println("runbook: " + e.getMessage());
            throw new Failed(e.exitCode());
        }
        return of(services, file, given, options.inventory, clock);
    }

    /** As above, with the param values already collected (resume takes them from the journal). */
    static Prepared of(Services services, Path file, Map<String, Object> given, Clock clock) {
        return of(services, file, given, null, clock);
    }

    /** As above, with the hosts of {@code --inventory FILE} (null: the runbook.yaml's, else this machine alone). */
    static Prepared of(Services services, Path file, Map<String, Object> given, Path inventoryFile, Clock clock) {
        Diagnostics diagnostics = new Diagnostics();
        Loaded loaded = services.workbench().load(file, diagnostics);
        if (loaded == null) {
            services.report(diagnostics);
            throw new Failed(ExitCodes.INVALID);
        }
        Redactor redactor = new Redactor();
        Env base = new Env(Map.of(), clock, loaded.dir(), System.getenv(), false);
        BoundParams params = ParamBinder.bind(
                loaded.runbook(),
                given,
                Planner.planningEnv(new BoundParams(Map.of(), java.util.Set.of()), base),
                redactor,
                diagnostics,
                true); // a preview never needs production: what cannot be known here stays symbolic
        // the hosts' mistakes are shown alone: the runbook's warnings stay a count, as in any plan or run
        Diagnostics hosts = new Diagnostics();
        Inventory inventory;
        try {
            inventory = diagnostics.hasErrors() ? null : Inventories.load(inventoryFile, file, hosts);
        } catch (ParamOptions.BadParams e) {
            services.err().println("runbook: " + e.getMessage());
            throw new Failed(e.exitCode());
        }
        if (inventory != null) {
            dev.runbook.plan.HostParams.check(loaded.runbook(), inventory, redactor, hosts);
        }
        if (hosts.hasErrors()) {
            services.report(hosts);
            throw new Failed(ExitCodes.INVALID);
        }
        diagnostics.addAll(hosts);
        if (diagnostics.hasErrors()) {
            services.report(diagnostics);
            throw new Failed(ExitCodes.INVALID);
        }
        warnings(services, file, diagnostics);
        services.useRedactor(redactor);
        return new Prepared(loaded, params, redactor, base, services.registry(), inventory);
    }

    /** Warnings do not stop a plan or a run; they are counted here and shown in full by `check`. */
    private static void warnings(Services services, Path file, Diagnostics diagnostics) {
        int n = diagnostics.warningCount();
        if (n > 0) {
            services.err()
                    .println("runbook: " + n + (n == 1 ? " warning" : " warnings") + " (see `runbook check " + file
                            + "`)");
        }
    }

    /** Params for a run: defaults that were unknown while planning (e.g. now()) get their real value. */
    BoundParams paramsForRun(Services services, ParamOptions options) {
        return paramsForRun(services, options.given());
    }

    BoundParams paramsForRun(Services services, Map<String, Object> given) {
        Diagnostics diagnostics = new Diagnostics();
        BoundParams bound = ParamBinder.bind(loaded.runbook(), given, env, redactor, diagnostics);
        if (diagnostics.hasErrors()) {
            services.report(diagnostics);
            throw new Failed(ExitCodes.INVALID);
        }
        return bound;
    }

    Plan plan() {
        return new Planner(redactor, registry).withHosts(inventory).plan(loaded.program(), params, env);
    }

    /** Ends a command early with an exit code after the reason was printed. */
    static final class Failed extends RuntimeException {
        private final int exitCode;

        Failed(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }
}
