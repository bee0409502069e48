package dev.runbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.plan.Graph;
import dev.runbook.testing.TestRunbooks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The steps of an {@code on} block in the checker's graph: after the items before the block, in order (or as their
 * needs say), and the items after it wait for all of them. The test step types do not run on hosts, so RB0175 is
 * expected and left aside here.
 */
class HostBlockGraphTest {
    private static Graph graph(String text) {
        Diagnostics d = new Diagnostics();
        CheckContext checked = TestRunbooks.check(TestRunbooks.dsl(text, d), d);
        List<String> others = d.all().stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::code)
                .filter(c -> !c.equals("RB0175"))
                .toList();
        assertEquals(List.of(), others, () -> d.sorted().toString());
        return checked.graph();
    }

    @Test
    void aBlocksStepsComeAfterTheStepsBeforeItAndBeforeTheStepsAfterIt() {
        Graph g = graph("""
                runbook "g" {
                  step first = mark
                  on web as deploy {
                    step a = mark
                    step b = mark
                    step c = mark
                      needs a
                  }
                  step last = mark { value: steps.deploy.batches }
                }
                """);
        assertEquals(List.of("first"), g.needs("a"));
        assertEquals(List.of("first", "a"), g.needs("b"));
        assertEquals(List.of("first", "a"), g.needs("c"));
        assertEquals(List.of("a", "b", "c"), g.needs("last"));
    }

    @Test
    void needingABlockIsNeedingEachOfItsSteps() {
        Graph g = graph("""
                runbook "g" {
                  on web as deploy {
                    step a = mark
                    step b = mark
                  }
                  parallel {
                    step x = mark
                      needs deploy
                  }
                }
                """);
        assertTrue(g.needs("x").containsAll(List.of("a", "b")), g.needs("x").toString());
    }
}
