package dev.runbook.testing;

import dev.runbook.check.CallResolver;
import dev.runbook.check.CheckContext;
import dev.runbook.check.Checker;
import dev.runbook.check.rules.CheckRules;
import dev.runbook.diagnostic.DiagnosticFormatter;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.engine.Approver;
import dev.runbook.engine.CallRunner;
import dev.runbook.engine.Event;
import dev.runbook.engine.Interpreter;
import dev.runbook.engine.LocalTarget;
import dev.runbook.engine.RunListener;
import dev.runbook.engine.RunOptions;
import dev.runbook.engine.RunResult;
import dev.runbook.engine.StepOutcome;
import dev.runbook.expr.Env;
import dev.runbook.model.Runbook;
import dev.runbook.plan.BoundParams;
import dev.runbook.plan.ParamBinder;
import dev.runbook.plan.Redactor;
import dev.runbook.source.SourceFile;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepResult;
import dev.runbook.syntax.DslReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a runbook text the way the CLI does (read, check, bind params, interpret) with the test step types, the
 * real local target, and every event kept in a thread-safe list.
 */
public final class EngineHarness {
    public static final StepRegistry REGISTRY =
            new StepRegistry(List.of(new MarkStep(), new CmdStep(), new CounterStep(), new TickStep()));
    private final Path workDir;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final Map<String, Object> given = new LinkedHashMap<>();
    private Approver approver = TestApprover.approving();
    private RunListener also = e -> {};
    private int parallel = 4;

    public EngineHarness(Path workDir) {
        this.workDir = workDir;
    }

    public EngineHarness parallel(int n) {
        parallel = n;
        return this;
    }

    public EngineHarness approver(Approver a) {
        approver = a;
        return this;
    }

    public EngineHarness param(String name, Object value) {
        given.put(name, value);
        return this;
    }

    /** Another listener, called after the event is recorded (e.g. to cancel on a step's start). */
    public EngineHarness listener(RunListener l) {
        also = l;
        return this;
    }

    public AtomicBoolean cancel() {
        return cancel;
    }

    public RunResult run(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Runbook rb = DslReader.read(SourceFile.of(workDir.resolve("test.rb").toString(), text), diagnostics);
        CheckContext checked =
                rb == null ? null : new Checker(REGISTRY, noCalls(), CheckRules.all()).check(rb, diagnostics);
        failOnErrors(diagnostics);
        Redactor redactor = new Redactor();
        Clock clock = Clock.systemUTC();
        Env env = new Env(Map.of(), clock, workDir, System.getenv(), false);
        BoundParams params = ParamBinder.bind(rb, given, env, redactor, diagnostics);
        failOnErrors(diagnostics);
        RunListener listener = e -> {
            events.add(e);
            also.on(e);
        };
        Interpreter interpreter = new Interpreter(
                REGISTRY, new LocalTarget(Duration.ofMillis(300)), approver, listener, refusingCalls(), redactor);
        RunOptions options = new RunOptions(parallel, workDir, System.getenv(), clock, "test-run");
        return interpreter.run(
                new dev.runbook.plan.Program(checked.runbook(), checked.graph(), java.util.Map.of()),
                params,
                options,
                cancel);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> events(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** The steps that emitted {@code kind}, in order. */
    public List<String> steps(String kind) {
        return events(kind).stream().map(Event::step).toList();
    }

    public MarkLog marks() {
        return MarkLog.in(workDir);
    }

    public Path workDir() {
        return workDir;
    }

    public static StepOutcome outcome(RunResult result, String id) {
        return result.outcomes().stream()
                .filter(o -> o.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static void failOnErrors(Diagnostics diagnostics) {
        if (!diagnostics.hasErrors()) {
            return;
        }
        StringBuilder out = new StringBuilder("the test runbook is invalid:\n");
        diagnostics
                .sorted()
                .forEach(d -> out.append(DiagnosticFormatter.format(d)).append('\n'));
        throw new AssertionError(out);
    }

    private static CallResolver noCalls() {
        return (caller, target, where, diagnostics) -> {
            diagnostics.error("RB9999", where, "engine tests do not call other runbooks");
            return null;
        };
    }

    private static CallRunner refusingCalls() {
        return (caller, invocation, params, context) -> StepResult.failed("engine tests do not call runbooks");
    }
}
