package dev.runbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.testing.TestRunbooks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A few of the checker's rules, each on a runbook that breaks only that rule. */
class CheckerTest {
    private static List<Diagnostic> errors(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Runbook rb = TestRunbooks.dsl(text, diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> "syntax errors: " + diagnostics.all());
        TestRunbooks.check(rb, diagnostics);
        return diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
    }

    private static List<String> hints(Diagnostic d) {
        return d.notes().stream().map(Diagnostic.Note::text).toList();
    }

    @Test
    void aValidRunbookHasNoErrors() {
        assertEquals(List.of(), errors("""
                runbook "ok" {
                  param who: string = "ops"
                  step a = mark { value: who }
                  step b = mark { value: steps.a.out }
                }
                """));
    }

    @Test
    void anUnknownStepTypeIsReportedAtTheTypeWithTheClosestName() {
        List<Diagnostic> errors = errors("""
                runbook "typo" {
                  step a = mrak { value: "x" }
                }
                """);

        assertEquals(
                List.of("RB0100 2:12 unknown step type `mrak`"),
                errors.stream().map(TestRunbooks::brief).toList());
        assertEquals(List.of("did you mean `mark`?"), hints(errors.get(0)));
    }

    @Test
    void anUndefinedNameIsReportedWhereItIsUsed() {
        List<Diagnostic> errors = errors("""
                runbook "names" {
                  param who: string = "ops"
                  step a = mark { value: whom }
                }
                """);

        assertEquals(1, errors.size(), () -> errors.toString());
        assertEquals("RB0121 3:26 `whom` is not defined", TestRunbooks.brief(errors.get(0)));
    }

    @Test
    void needsInACycleIsReportedWithEveryEdge() {
        List<Diagnostic> errors = errors("""
                runbook "cycle" {
                  step a = mark
                    needs b
                  step b = mark
                    needs a
                }
                """);

        assertEquals(1, errors.size(), () -> errors.toString());
        Diagnostic cycle = errors.get(0);
        assertEquals("RB0115", cycle.code());
        assertTrue(cycle.message().startsWith("steps depend on each other in a cycle: "), cycle.message());
        assertTrue(cycle.message().endsWith("a -> b -> a") || cycle.message().endsWith("b -> a -> b"), cycle.message());
        assertEquals(
                List.of("`a` needs `b`", "`b` needs `a`"),
                hints(cycle).stream().sorted().toList());
    }

    @Test
    void aStepThatNeedsAnUnknownStepIsAnError() {
        List<Diagnostic> errors = errors("""
                runbook "needs" {
                  step a = mark
                    needs nope
                }
                """);

        assertEquals(
                List.of("RB0111 3:11 `needs` names no step `nope`"),
                errors.stream().map(TestRunbooks::brief).toList());
    }
}
