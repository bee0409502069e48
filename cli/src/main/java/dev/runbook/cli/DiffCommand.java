package dev.runbook.cli;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.expr.Env;
import dev.runbook.plan.BoundParams;
import dev.runbook.plan.ParamBinder;
import dev.runbook.plan.Plan;
import dev.runbook.plan.Planner;
import dev.runbook.plan.Redactor;
import dev.runbook.plan.diff.DiffMarkdown;
import dev.runbook.plan.diff.DiffText;
import dev.runbook.plan.diff.PlanDiff;
import dev.runbook.plan.diff.PlanDiffer;
import dev.runbook.spi.StepKinds;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Compare what two versions of a runbook would do: their plans, not their text. Steps added, "
                    + "removed or moved in the graph; changed arguments, guards, verifies, undo, confirm, timeouts, "
                    + "retries, on_failure and effects; params; final verifies. Risky changes come first: a removed "
                    + "verify, confirm or undo, a step that now writes, drop switched on, a new destructive step.",
            "Both plans use the params' defaults (or --param); a required param without a value stays unknown.",
            "  runbook diff old.rb new.rb",
            "  runbook diff --git origin/main..HEAD --format markdown"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:compared (with --exit-code: no differences)",
            " 1:with --exit-code: the plans differ",
            " 2:usage, or git failed",
            " 3:a runbook is invalid"
        })
final class DiffCommand implements Callable<Integer> {
    private final Services services;

    @Parameters(arity = "0..2", paramLabel = "FILE", description = "OLD and NEW runbook files.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--git",
            paramLabel = "BASE..HEAD",
            description = "Compare every runbook under --dir between two revisions of the current git repository.")
    String range;

    @Option(
            names = "--dir",
            defaultValue = "runbooks",
            paramLabel = "DIR",
            description = "With --git: the folder of runbooks (default: ${DEFAULT-VALUE}).")
    String dir;

    @Mixin
    ParamOptions params = new ParamOptions();

    @Option(
            names = "--before-inventory",
            paramLabel = "FILE",
            description = "The hosts of the older side, to see what an inventory change does to the plan (default: the"
                    + " same as the newer side's: --inventory, or inventory: in runbook.yaml).")
    Path beforeInventory;

    @Option(names = "--format", defaultValue = "text", description = "text or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--exit-code", description = "Exit with 1 when the plans differ, 0 when they do not (as git diff).")
    boolean exitCode;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    DiffCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (!List.of("text", "markdown").contains(format)) {
            return usage("unknown --format " + format + " (use text or markdown)");
        }
        if ((range == null) == (files.size() != 2)) {
            return usage(
                    range == null
                            ? "give OLD and NEW files, or --git BASE..HEAD"
                            : "give either two files or --git, not both");
        }
        Map<String, Object> given;
        try {
            given = params.given();
        } catch (ParamOptions.BadParams e) {
            services.err().println("runbook: " + e.getMessage());
            return e.exitCode();
        }
        try {
            Outcome outcome = range != null
                    ? new GitDiff(this, given).run()
                    : compare(
                            files.get(0),
                            files.get(1),
                            files.get(0).toString(),
                            files.get(1).toString(),
                            given);
            if (outcome.invalid()) {
                return ExitCodes.INVALID;
            }
            return exitCode && outcome.different() ? ExitCodes.FAILED : ExitCodes.OK;
        } catch (GitRevisions.Failed e) {
            return usage(e.getMessage());
        }
    }

    /** Plans both files and prints their diff. */
    Outcome compare(Path before, Path after, String beforeLabel, String afterLabel, Map<String, Object> given) {
        Diagnostics hosts = new Diagnostics();
        dev.runbook.inventory.Inventory newer = Inventories.load(params.inventory, after, hosts);
        dev.runbook.inventory.Inventory older =
                beforeInventory == null ? newer : dev.runbook.inventory.InventoryReader.read(beforeInventory, hosts);
        if (hosts.hasErrors()) {
            services.report(hosts);
            return new Outcome(false, true);
        }
        Plan old = plan(before, given, older);
        Plan now = plan(after, given, newer);
        if (old == null || now == null) {
            return new Outcome(false, true);
        }
        PlanDiff diff = PlanDiffer.diff(old, now, beforeLabel, afterLabel, new StepKinds(services.registry()));
        services.out().print(format.equals("markdown") ? DiffMarkdown.render(diff) : DiffText.render(diff));
        return new Outcome(!diff.isEmpty(), false);
    }

    /** The plan with the params' defaults; null after printing the diagnostics. */
    Plan plan(Path file, Map<String, Object> given, dev.runbook.inventory.Inventory inventory) {
        Diagnostics diagnostics = new Diagnostics();
        Loaded loaded = services.workbench().load(file, diagnostics);
        if (loaded == null) {
            services.report(diagnostics);
            return null;
        }
        Map<String, Object> own = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (loaded.runbook().param(k).isPresent()) {
                own.put(k, v);
            }
        });
        Redactor redactor = new Redactor();
        Env base = new Env(Map.of(), Clock.systemDefaultZone(), loaded.dir(), System.getenv(), false);
        Diagnostics binding = new Diagnostics();
        BoundParams bound = ParamBinder.bind(
                loaded.runbook(),
                own,
                Planner.planningEnv(new BoundParams(Map.of(), java.util.Set.of()), base),
                redactor,
                binding,
                true);
        if (binding.hasErrors()) {
            services.report(binding);
            return null;
        }
        return new Planner(redactor, services.registry()).withHosts(inventory).plan(loaded.program(), bound, base);
    }

    PrintTarget printer() {
        return new PrintTarget(services, format);
    }

    int usage(String message) {
        services.err().println("runbook diff: " + message);
        return ExitCodes.USAGE;
    }

    /** Whether anything differed, and whether a runbook could not be planned. */
    record Outcome(boolean different, boolean invalid) {
        Outcome and(Outcome other) {
            return new Outcome(different || other.different, invalid || other.invalid);
        }
    }

    /** Where whole-runbook lines (added, removed) go, in the chosen format. */
    record PrintTarget(Services services, String format) {
        void line(String text, String markdown) {
            services.out().print(format.equals("markdown") ? markdown : text);
        }
    }
}
