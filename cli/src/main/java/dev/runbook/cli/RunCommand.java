package dev.runbook.cli;

import dev.runbook.engine.Resume;
import dev.runbook.engine.RunRecord;
import dev.runbook.engine.StateStore;
import dev.runbook.json.Json;
import dev.runbook.plan.BoundParams;
import dev.runbook.plan.Plan;
import dev.runbook.plan.PlanJson;
import dev.runbook.plan.SavedPlanChanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run a runbook: steps in dependency order, confirmations before destructive steps, undo of "
                + "completed steps when one fails, finally steps always. Holds the runbook's lock and keeps a "
                + "journal under the state dir, for `runbook resume`, `runs` and `show`.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:ok",
            " 1:a step or verify failed (completed steps were undone)",
            " 2:usage",
            " 3:invalid runbook or params, or a saved plan that no longer matches (nothing ran)",
            " 4:a precondition was not met (nothing changed)",
            " 5:lock held, or refused by the operator / no one to confirm",
            " 6:failed, and the undo failed too: needs a human",
            " 7:lost the lock (shared state out of reach): stopped at a safe point, nothing undone",
            "130:interrupted"
        })
final class RunCommand implements Callable<Integer> {
    private final Services services;

    @Parameters(
            paramLabel = "FILE",
            arity = "0..1",
            description = "The runbook (may be left out with --plan: the plan names its runbook).")
    Path file;

    @Mixin
    ParamOptions params = new ParamOptions();

    @Mixin
    RunFlags flags = new RunFlags();

    @Option(
            names = "--plan",
            paramLabel = "PLAN.json",
            description = "Run only if the plan made now matches this saved plan (from `plan --out`); else exit 3 "
                    + "naming what changed.")
    Path savedPlan;

    RunCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (flags.parallel < 1) {
            services.err().println("runbook run: --parallel must be at least 1");
            return ExitCodes.USAGE;
        }
        try {
            flags.lockWait();
            Map<String, Object> saved = savedPlan == null ? null : readSaved();
            Path runbook = file != null ? file : sourceOf(saved);
            if (runbook == null) {
                services.err().println("runbook run: give the runbook FILE (or --plan PLAN.json)");
                return ExitCodes.USAGE;
            }
            Clock clock = Clock.systemDefaultZone();
            Prepared prepared = Prepared.of(services, runbook, params, clock);
            Plan plan = prepared.plan();
            if (saved != null && !plan.hash().equals(saved.get("hash"))) {
                return refuseStale(saved, plan);
            }
            BoundParams bound = prepared.paramsForRun(services, params);
            StateStore state = StateChoice.of(
                    flags.state, flags.stateDir, prepared.loaded().dir());
            hintUnfinished(state, plan);
            List<String> given = new ArrayList<>(params.given().keySet());
            return new RunSession(services, flags, state, clock)
                    .run(prepared, bound, plan, given, runId(clock), Resume.NONE);
        } catch (Prepared.Failed e) {
            return e.exitCode();
        } catch (ParamOptions.BadParams e) {
            services.err().println("runbook: " + e.getMessage());
            return e.exitCode();
        }
    }

    private Map<String, Object> readSaved() {
        try {
            if (Json.parse(Files.readString(savedPlan)) instanceof Map<?, ?> m && m.get("hash") != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> plan = (Map<String, Object>) m;
                return plan;
            }
        } catch (IOException | RuntimeException e) {
            throw new ParamOptions.BadParams(
                    ExitCodes.INVALID, "cannot read the saved plan " + savedPlan + ": " + e.getMessage());
        }
        throw new ParamOptions.BadParams(
                ExitCodes.INVALID,
                savedPlan + " is not a saved plan (no hash); make one " + "with: runbook plan FILE --out " + savedPlan);
    }

    /** The runbook a saved plan was made from: as written, else beside the plan file. */
    private Path sourceOf(Map<String, Object> saved) {
        if (saved == null || !(saved.get("source") instanceof Map<?, ?> source) || source.get("path") == null) {
            return null;
        }
        Path path = Path.of(source.get("path").toString());
        if (Files.exists(path) || path.isAbsolute()) {
            return path;
        }
        Path dir = savedPlan.toAbsolutePath().getParent();
        return dir == null ? path : dir.resolve(path);
    }

    private int refuseStale(Map<String, Object> saved, Plan plan) {
        List<String> changes = SavedPlanChanges.between(saved, PlanJson.toMap(plan));
        services.err()
                .println("runbook: the saved plan " + savedPlan + " no longer matches the runbook (hash "
                        + abbrev(saved.get("hash")) + " saved, " + abbrev(plan.hash())
                        + " now); nothing was run. Changed:");
        if (changes.isEmpty()) {
            changes = List.of("the plan's hash (the saved plan was edited by hand?)");
        }
        changes.forEach(c -> services.err().println("  - " + c));
        services.err()
                .println("review the new plan and save it again: runbook plan " + plan.sourcePath() + " --out "
                        + savedPlan);
        return ExitCodes.INVALID;
    }

    /** When the last run of this runbook did not finish, says how to continue it instead. */
    private void hintUnfinished(StateStore state, Plan plan) {
        String path = plan.sourcePath() == null
                ? null
                : Path.of(plan.sourcePath()).toAbsolutePath().normalize().toString();
        RunRecord r;
        try {
            r = state.latestRunOf(path);
        } catch (IOException e) {
            return;
        }
        if (r != null
                && !r.finishedOk()
                && !"running".equals(r.status())
                && !"precondition".equals(r.status())
                && !"refused".equals(r.status())) {
            services.err()
                    .println("runbook: note: the last run of this runbook, " + r.runId() + ", ended " + r.status()
                            + "; to continue it instead: runbook resume " + r.runId() + state.flag());
        }
    }

    private static String abbrev(Object hash) {
        String h = String.valueOf(hash);
        return h.length() > 12 ? h.substring(0, 12) : h;
    }

    static String runId(Clock clock) {
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return stamp + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
