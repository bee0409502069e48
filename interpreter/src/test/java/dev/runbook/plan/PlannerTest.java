package dev.runbook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.runbook.check.CheckContext;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.expr.Env;
import dev.runbook.model.Runbook;
import dev.runbook.testing.TestRunbooks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Waves of the step graph, and a plan hash that depends on what runs and on nothing else. */
class PlannerTest {
    private static final String DIAMOND = """
            runbook "diamond" {
              param who: string = "ops"
              step root = mark { value: who }
              step left = mark
                needs root
              step right = mark { value: steps.root.out }
                needs root
              step join = mark
                needs left, right
            }
            """;

    private static final String DIAMOND_YAML = """
            runbook: diamond
            params:
              who: {type: string, default: ops}
            steps:
              - {id: root, type: mark, with: {value: "${who}"}}
              - {id: left, type: mark, needs: root}
              - {id: right, type: mark, with: {value: "${steps.root.out}"}, needs: root}
              - {id: join, type: mark, needs: [left, right]}
            """;

    private static Plan plan(Runbook rb, Diagnostics diagnostics) {
        CheckContext checked = TestRunbooks.check(rb, diagnostics);
        Env env = new Env(Map.of(), Clock.systemUTC(), Path.of("."), Map.of(), false);
        Redactor redactor = new Redactor();
        BoundParams params = ParamBinder.bind(rb, Map.of(), env, redactor, diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.all().toString());
        return new Planner(redactor, checked.registry()).plan(TestRunbooks.program(checked), params, env);
    }

    private static Plan dsl(String text) {
        Diagnostics diagnostics = new Diagnostics();
        return plan(TestRunbooks.dsl(text, diagnostics), diagnostics);
    }

    private static Plan yaml(String text) {
        Diagnostics diagnostics = new Diagnostics();
        return plan(TestRunbooks.yaml(text, diagnostics), diagnostics);
    }

    @Test
    void independentStepsShareAWave() {
        Plan plan = dsl(DIAMOND);

        assertEquals(List.of(List.of("root"), List.of("left", "right"), List.of("join")), plan.waves());
        PlanStep join = plan.steps().get(3);
        assertEquals("join", join.id());
        assertEquals(2, join.wave());
        assertEquals(List.of("left", "right"), join.needs());
    }

    @Test
    void stepsWithoutNeedsRunInFileOrderOnePerWave() {
        Plan plan = dsl("""
                runbook "chain" {
                  step c = mark
                  step a = mark
                  step b = mark
                }
                """);

        assertEquals(List.of(List.of("c"), List.of("a"), List.of("b")), plan.waves());
    }

    @Test
    void theHashIsTheSameOnEveryRun() {
        String first = dsl(DIAMOND).hash();

        assertEquals(64, first.length());
        assertEquals(first, dsl(DIAMOND).hash());
        assertEquals(first, dsl(DIAMOND).hash());
    }

    @Test
    void theHashChangesWithWhatRuns() {
        String changed = DIAMOND.replace("\"ops\"", "\"dev\"");

        assertNotEquals(dsl(DIAMOND).hash(), dsl(changed).hash());
    }

    @Test
    void theDslAndYamlFormsOfARunbookPlanTheSameStepsButHashTheirOwnSource() {
        Plan fromDsl = dsl(DIAMOND);
        Plan fromYaml = yaml(DIAMOND_YAML);

        assertNotEquals(fromDsl.sourceSha256(), fromYaml.sourceSha256());
        assertEquals(fromDsl.waves(), fromYaml.waves());
        assertEquals(
                PlanJson.toMap(fromDsl).get("steps"), PlanJson.toMap(fromYaml).get("steps"));
        // the hash covers the bytes of every file the plan was made from: a saved plan names its exact sources
        assertNotEquals(fromDsl.hash(), fromYaml.hash());
    }
}
