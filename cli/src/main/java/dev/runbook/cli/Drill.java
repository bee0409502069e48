package dev.runbook.cli;

import dev.runbook.engine.Injection;
import dev.runbook.engine.InvariantDifference;
import dev.runbook.engine.InvariantReader;
import dev.runbook.engine.InvariantReading;
import dev.runbook.engine.JournalReader;
import dev.runbook.engine.LocalState;
import dev.runbook.engine.LocalTarget;
import dev.runbook.engine.Probe;
import dev.runbook.engine.Resume;
import dev.runbook.engine.RunOptions;
import dev.runbook.engine.RunRecord;
import dev.runbook.engine.StepRecord;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.plan.BoundParams;
import dev.runbook.spi.Effect;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a drill: the runbook once through (the baseline), then once for each step that changes something with that
 * step made to fail after its work, each in a fresh sandbox when there is one. Around every run the invariants are
 * read; after a failed run's undo they must read as before, and the final verifies must hold again.
 */
final class Drill {
    private final Services services;
    private final Path file;
    private final Map<String, Object> given;
    private final Sandbox sandbox;
    private final LocalState state;
    private final Path logs;
    private final boolean withPartWay;
    private final Clock clock = Clock.systemDefaultZone();
    private List<String> names = List.of();

    /** With {@code partWay}, each step whose type can fail part-way gets a second case failing there. */
    Drill(
            Services services,
            Path file,
            Map<String, Object> given,
            Sandbox sandbox,
            LocalState state,
            Path logs,
            boolean partWay) {
        this.withPartWay = partWay;
        this.services = services;
        this.file = file;
        this.given = given;
        this.sandbox = sandbox;
        this.state = state;
        this.logs = logs;
    }

    /** The steps a drill makes fail: main steps that change something (or call another runbook). */
    static List<Step> writeSteps(Runbook rb, dev.runbook.spi.StepRegistry registry) {
        List<Step> out = new ArrayList<>();
        for (Step s : rb.steps()) {
            boolean reads =
                    registry.find(s.type()).map(t -> t.effect() == Effect.READ).orElse(false);
            if (!reads) {
                out.add(s);
            }
        }
        return out;
    }

    /** The baseline, then one case per step of {@code steps} that completed in the baseline. */
    List<DrillCase> run(Runbook rb, List<Step> steps) throws InterruptedException {
        names = rb.params().stream().map(dev.runbook.model.Param::name).toList();
        List<DrillCase> cases = new ArrayList<>();
        Outcome baseline = runCase(null, null, false);
        cases.add(baseline.drillCase());
        if (!baseline.drillCase().passed()) {
            return cases;
        }
        for (Step s : steps) {
            StepRecord r =
                    baseline.record() == null ? null : baseline.record().steps().get(s.id());
            if (r == null || !"ok".equals(r.status())) {
                String why = r == null ? "did not run in the baseline" : r.status() + " in the baseline";
                cases.add(new DrillCase(
                        s.id(), s.type(), DrillCase.Outcome.SKIPPED, null, why, List.of(), List.of(), 0, false));
                continue;
            }
            progress(s.id());
            cases.add(runCase(s.id(), s.type(), false).drillCase());
            if (withPartWay && partWayPoint(s) != null) {
                progress(s.id() + " part-way (" + partWayPoint(s) + ")");
                cases.add(runCase(s.id(), s.type(), true).drillCase());
            }
        }
        return cases;
    }

    private record Outcome(DrillCase drillCase, RunRecord record) {}

    private void progress(String name) {
        services.err().println("drill: " + name + " ...");
    }

    private String partWayPoint(Step s) {
        return services.registry().find(s.type()).map(t -> t.partWay()).orElse(null);
    }

    private Outcome runCase(String step, String type, boolean partWay) throws InterruptedException {
        if (step == null) {
            progress("baseline");
        }
        long started = System.nanoTime();
        String name = step == null ? "baseline" : partWay ? step + "-part-way" : step;
        Path log = logs.resolve(name + ".log");
        Path dir = null;
        try (PrintStream out = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            Services quiet = new Services(out, out, services.registry());
            Map<String, Object> params = new LinkedHashMap<>();
            if (sandbox != null) {
                dir = Files.createTempDirectory("runbook-drill-");
                params.putAll(declared(sandbox.create(dir, log), log));
            }
            params.putAll(given); // what the operator gave wins over what the sandbox printed
            return runIn(quiet, params, new Injection(step, partWay), type, log, started);
        } catch (Sandbox.Broken e) {
            return broken(step, type, partWay, e.getMessage(), started);
        } catch (Prepared.Failed e) {
            return broken(
                    step, type, partWay, "the runbook or its params are not valid here (see " + log + ")", started);
        } catch (IOException e) {
            return broken(step, type, partWay, "cannot write " + log + ": " + e.getMessage(), started);
        } finally {
            if (dir != null) {
                sandbox.destroy(dir, log);
            }
        }
    }

    /**
     * What the sandbox printed for the params the runbook declares: one sandbox serves several runbooks (an app, its
     * configs, its database), so the rest is left out, and named in the case's log.
     */
    private Map<String, Object> declared(Map<String, Object> printed, Path log) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> left = new ArrayList<>();
        printed.forEach((name, value) -> {
            if (names.contains(name)) {
                out.put(name, value);
            } else {
                left.add(name);
            }
        });
        if (!left.isEmpty()) {
            Sandbox.append(log, "sandbox: params the runbook does not declare, left out: " + String.join(", ", left));
        }
        return out;
    }

    private Outcome runIn(
            Services quiet, Map<String, Object> params, Injection inject, String type, Path log, long started)
            throws InterruptedException, IOException {
        String step = inject.stepId();
        boolean partWay = inject.partWay();
        Prepared prepared = Prepared.of(quiet, file, params, clock);
        BoundParams bound = prepared.paramsForRun(quiet, params);
        Runbook rb = prepared.loaded().runbook();
        String runId =
                RunCommand.runId(clock) + "-drill-" + (step == null ? "baseline" : partWay ? step + "-part-way" : step);
        RunOptions options = new RunOptions(1, prepared.loaded().dir(), System.getenv(), clock, runId);
        try (Probe probe = new Probe(options, new LocalTarget(), prepared.redactor(), () -> false)) {
            InvariantReader reader = new InvariantReader(services.registry(), probe, bound, options);
            List<InvariantReading> before = reader.read(rb.invariants());
            int exit = new RunSession(quiet, flags(), state, clock, inject)
                    .run(prepared, bound, prepared.plan(), List.copyOf(params.keySet()), runId, Resume.NONE);
            List<InvariantReading> after = reader.read(rb.invariants());
            List<InvariantDifference> differences = InvariantReader.compare(before, after);
            Path journal = state.journal(runId);
            if (!Files.exists(journal)) {
                return broken(
                        step, type, partWay, "the run did not start (exit " + exit + "; see " + log + ")", started);
            }
            RunRecord record = JournalReader.read(journal);
            long took = (System.nanoTime() - started) / 1_000_000;
            String message = record.message();
            if (step == null) {
                // the baseline changes the system on purpose: what it changed shows that the invariants can see it
                DrillCase.Outcome o = exit == ExitCodes.OK ? DrillCase.Outcome.RAN : DrillCase.Outcome.BROKEN;
                String why = exit == ExitCodes.OK ? message : "the baseline did not run through: " + message;
                return new Outcome(
                        new DrillCase(null, null, o, runId, why, differences, List.of(), took, false), record);
            }
            List<String> verifies = exit == ExitCodes.OK ? List.of() : reader.failingVerifies(rb.verifies());
            DrillCase.Outcome o = switch (exit) {
                case ExitCodes.OK -> DrillCase.Outcome.NOT_REACHED;
                case ExitCodes.UNDO_FAILED -> DrillCase.Outcome.UNDO_FAILED;
                case ExitCodes.FAILED ->
                    differences.isEmpty() && verifies.isEmpty()
                            ? DrillCase.Outcome.RESTORED
                            : DrillCase.Outcome.DIFFERENCE;
                default -> DrillCase.Outcome.BROKEN;
            };
            if (o == DrillCase.Outcome.UNDO_FAILED) {
                message = undoFailures(record, message);
            }
            return new Outcome(
                    new DrillCase(step, type, o, runId, message, differences, verifies, took, partWay), record);
        }
    }

    private static String undoFailures(RunRecord record, String message) {
        List<String> failed = new ArrayList<>();
        record.steps().values().stream()
                .filter(s -> "undo-failed".equals(s.status()))
                .forEach(s -> failed.add(s.id() + (s.undo() == null ? "" : " (" + s.undo() + ")")));
        return failed.isEmpty() ? message : "undo failed for " + String.join(", ", failed);
    }

    private Outcome broken(String step, String type, boolean partWay, String why, long started) {
        long took = (System.nanoTime() - started) / 1_000_000;
        return new Outcome(
                new DrillCase(step, type, DrillCase.Outcome.BROKEN, null, why, List.of(), List.of(), took, partWay),
                null);
    }

    /** Every confirmation approved (a drill target or a sandbox), nothing shown but in the case's log. */
    private static RunFlags flags() {
        RunFlags f = new RunFlags();
        f.yes = true;
        f.noColor = true;
        f.quiet = true;
        f.parallel = 4;
        return f;
    }
}
