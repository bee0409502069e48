package dev.runbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.plan.Graph;
import dev.runbook.testing.TestRunbooks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An {@code on} block in the checker's graph: one node (the engine runs it host by host as a whole) after the items
 * before it, which the items after it wait for; its own steps have a graph of their own, in order or as their needs
 * say. The test step types do not run on hosts, so RB0175 is
 * expected and left aside here.
 */
class HostBlockGraphTest {
    private static Graph graph(String text) {
        return checked(text).graph();
    }

    private static CheckContext checked(String text) {
        Diagnostics d = new Diagnostics();
        CheckContext checked = TestRunbooks.check(TestRunbooks.dsl(text, d), d);
        List<String> others = d.all().stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::code)
                .filter(c -> !c.equals("RB0175"))
                .toList();
        assertEquals(List.of(), others, () -> d.sorted().toString());
        return checked;
    }

    @Test
    void aBlockComesAfterTheStepsBeforeItAndBeforeTheStepsAfterIt() {
        CheckContext checked = checked("""
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
        Graph g = checked.graph();
        assertEquals(List.of("first"), g.needs("deploy"));
        assertEquals(List.of("deploy"), g.needs("last"));
        assertFalse(g.nodes().contains("a"), "the block's steps run inside it: " + g.nodes());
        Graph inner = dev.runbook.check.rules.DependenciesRule.blockGraph(
                checked, checked.runbook().hostBlocks().get(0));
        assertEquals(List.of(), inner.needs("a"));
        assertEquals(List.of("a"), inner.needs("b"));
        assertEquals(List.of("a"), inner.needs("c"));
    }

    @Test
    void aStepCanNeedABlock() {
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
        assertEquals(List.of("deploy"), g.needs("x"));
    }
}
