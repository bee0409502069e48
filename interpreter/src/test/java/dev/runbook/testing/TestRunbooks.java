package dev.runbook.testing;

import dev.runbook.check.CallResolver;
import dev.runbook.check.CheckContext;
import dev.runbook.check.Checker;
import dev.runbook.check.rules.CheckRules;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.plan.Program;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.DslReader;
import dev.runbook.yaml.YamlReader;
import java.util.Map;

/** Runbooks read from source text and checked with the test step types, for unit tests of the phases. */
public final class TestRunbooks {
    private TestRunbooks() {}

    public static Runbook dsl(String text, Diagnostics diagnostics) {
        return DslReader.read(SourceFile.of("test.rb", text), diagnostics);
    }

    public static Runbook yaml(String text, Diagnostics diagnostics) {
        return YamlReader.read(SourceFile.of("test.yaml", text), diagnostics);
    }

    public static CheckContext check(Runbook rb, Diagnostics diagnostics) {
        return new Checker(EngineHarness.REGISTRY, noCalls(), CheckRules.all()).check(rb, diagnostics);
    }

    /** The checker's result as the planner takes it, as the CLI hands it over. */
    /** The program of a checked runbook that calls nothing, as the planner and the engine take it. */
    public static Program program(CheckContext checked) {
        return new Program(checked.runbook(), checked.graph(), Map.of());
    }

    /** {@code RB0100 3:12 message}: what a test compares, without the file name. */
    public static String brief(Diagnostic d) {
        return d.code() + " " + d.span().start().line() + ":" + d.span().start().column() + " " + d.message();
    }

    private static CallResolver noCalls() {
        return (caller, target, where, diagnostics) -> {
            diagnostics.error("RB9999", where, "unit tests do not call other runbooks");
            return null;
        };
    }
}
