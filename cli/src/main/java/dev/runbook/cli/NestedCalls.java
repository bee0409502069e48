package dev.runbook.cli;

import dev.runbook.diagnostic.DiagnosticFormatter;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.engine.Approver;
import dev.runbook.engine.Interpreter;
import dev.runbook.engine.RunListener;
import dev.runbook.engine.RunOptions;
import dev.runbook.engine.RunResult;
import dev.runbook.engine.RunStatus;
import dev.runbook.expr.Env;
import dev.runbook.model.Invocation;
import dev.runbook.model.Runbook;
import dev.runbook.plan.BoundParams;
import dev.runbook.plan.ParamBinder;
import dev.runbook.plan.Redactor;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.Target;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a called runbook in the same process, with the same listeners, approvals and secrets. */
final class NestedCalls implements dev.runbook.engine.CallRunner {
    private final Services services;
    private final Target target;
    private final Approver approver;
    private final RunListener listener;
    private final Redactor redactor;
    private final RunOptions options;
    private final AtomicBoolean cancel;

    NestedCalls(
            Services services,
            Target target,
            Approver approver,
            RunListener listener,
            Redactor redactor,
            RunOptions options,
            AtomicBoolean cancel) {
        this.services = services;
        this.target = target;
        this.approver = approver;
        this.listener = listener;
        this.redactor = redactor;
        this.options = options;
        this.cancel = cancel;
    }

    @Override
    public StepResult call(Runbook caller, Invocation invocation, Map<String, Object> params, StepContext context) {
        Path base = Path.of(caller.source().path()).toAbsolutePath().getParent();
        Path file = base.resolve(invocation.target()).normalize();
        Diagnostics diagnostics = new Diagnostics();
        Loaded loaded = services.workbench().load(file, diagnostics);
        if (loaded == null) {
            return StepResult.failed(
                    "the called runbook " + file + " is invalid: " + DiagnosticFormatter.summary(diagnostics));
        }
        Env env = new Env(Map.of(), options.clock(), loaded.dir(), options.environment(), false);
        BoundParams bound = ParamBinder.bind(loaded.runbook(), params, env, redactor, diagnostics);
        if (diagnostics.hasErrors()) {
            return StepResult.failed("cannot call " + invocation.target() + ": "
                    + diagnostics.sorted().get(0).message());
        }
        RunOptions child = new RunOptions(
                options.parallel(),
                loaded.dir(),
                options.environment(),
                options.clock(),
                options.runId() + "/" + context.stepId());
        Interpreter interpreter = new Interpreter(services.registry(), target, approver, listener, this, redactor);
        RunResult result = interpreter.run(loaded.checked(), bound, child, cancel);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
        outputs.put("runbook", loaded.runbook().name());
        outputs.put("message", result.message());
        return result.status() == RunStatus.OK
                ? StepResult.ok(outputs)
                : StepResult.failed("called runbook " + loaded.runbook().name() + " " + result.message(), outputs);
    }
}
