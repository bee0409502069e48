package dev.runbook.cli;

import dev.runbook.check.lint.LintRules;
import dev.runbook.diagnostic.DiagnosticFormatter;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.plan.Redactor;
import dev.runbook.spi.StepRegistry;
import java.io.PrintStream;
import java.util.List;

/** What every command shares: the output streams, the step registry, the workbench. */
final class Services {
    private final PrintStream out;
    private final PrintStream err;
    private final StepRegistry registry;
    private boolean debug;
    private Redactor redactor = new Redactor();

    Services(PrintStream out, PrintStream err, StepRegistry registry) {
        this.out = out;
        this.err = err;
        this.registry = registry;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    StepRegistry registry() {
        return registry;
    }

    Workbench workbench() {
        return new Workbench(registry, List.copyOf(LintRules.all()));
    }

    /** The secrets of the runbook being run, so that even an internal error's text is masked. */
    void useRedactor(Redactor r) {
        redactor = r;
    }

    Redactor redactor() {
        return redactor;
    }

    boolean debug() {
        return debug;
    }

    void setDebug(boolean on) {
        debug = on;
    }

    /** Prints diagnostics (sorted) and a summary line to stderr. */
    void report(Diagnostics diagnostics) {
        diagnostics.sorted().forEach(d -> err.print(DiagnosticFormatter.format(d)));
        if (!diagnostics.isEmpty()) {
            err.println(DiagnosticFormatter.summary(diagnostics));
        }
    }
}
