package dev.runbook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.expr.Env;
import dev.runbook.model.Runbook;
import dev.runbook.testing.TestRunbooks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Params given as text (as --param gives them) are converted to their declared types, or rejected clearly. */
class ParamBinderTest {
    private static final String TYPED = """
            runbook "typed" {
              param count: int = 1
              param drop: bool = false
              param wait: duration = 30s
              param target: enum("staging", "production") = "staging"
              param hosts: list = ["a"]
              param app: string
              param label: string = "${app}-${target}"
            }
            """;

    private final Diagnostics diagnostics = new Diagnostics();
    private final Redactor redactor = new Redactor();

    private BoundParams bind(String text, Map<String, Object> given) {
        Diagnostics parse = new Diagnostics();
        Runbook rb = TestRunbooks.dsl(text, parse);
        assertFalse(parse.hasErrors(), () -> parse.all().toString());
        Env env = new Env(Map.of(), Clock.systemUTC(), Path.of("."), Map.of(), false);
        return ParamBinder.bind(rb, given, env, redactor, diagnostics);
    }

    private List<String> errors() {
        return diagnostics.sorted().stream()
                .filter(Diagnostic::isError)
                .map(d -> d.code() + " " + d.message())
                .toList();
    }

    @Test
    void textIsConvertedToEachDeclaredType() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("count", "42");
        given.put("drop", "true");
        given.put("wait", "1m30s");
        given.put("target", "production");
        given.put("hosts", "web1, web2,db1");
        given.put("app", "api");

        BoundParams bound = bind(TYPED, given);

        assertEquals(List.of(), errors());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("count", 42L);
        expected.put("drop", true);
        expected.put("wait", Duration.ofSeconds(90));
        expected.put("target", "production");
        expected.put("hosts", List.of("web1", "web2", "db1"));
        expected.put("app", "api");
        expected.put("label", "api-production");
        assertEquals(expected, bound.values());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(bound.values().keySet()), "declared order");
    }

    @Test
    void defaultsAreUsedAndMayReadEarlierParams() {
        BoundParams bound = bind(TYPED, Map.of("app", "web"));

        assertEquals(List.of(), errors());
        assertEquals(1L, bound.values().get("count"));
        assertEquals(Duration.ofSeconds(30), bound.values().get("wait"));
        assertEquals(List.of("a"), bound.values().get("hosts"));
        assertEquals("web-staging", bound.values().get("label"));
    }

    @Test
    void aRequiredParamNotGivenIsAnErrorWithHowToGiveIt() {
        bind(TYPED, Map.of());

        List<Diagnostic> found = diagnostics.sorted();
        assertEquals(List.of("RB0300 param `app` is required"), errors());
        assertEquals(
                List.of("give it with --param app=<string>"),
                found.get(0).notes().stream().map(Diagnostic.Note::text).toList());
    }

    @Test
    void badValuesSayWhatWasWrong() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("app", "api");
        given.put("count", "many");
        given.put("drop", "yes");
        given.put("wait", "soon");
        given.put("target", "prod");

        bind(TYPED, given);

        assertEquals(
                List.of(
                        "RB0302 param `count`: 'many' is not an int",
                        "RB0302 param `drop`: 'yes' is not a bool (true or false)",
                        "RB0302 param `wait`: 'soon' is not a duration (e.g. 30s, 5m, 1h30m, 250ms)",
                        "RB0302 param `target`: 'prod' is not one of staging, production"),
                errors());
    }

    @Test
    void anUnknownParamNameSuggestsTheClosestOne() {
        bind(TYPED, Map.of("app", "api", "cout", "3"));

        assertEquals(List.of("RB0301 runbook `typed` has no param `cout`"), errors());
        assertEquals(
                "did you mean `count`?", diagnostics.all().get(0).notes().get(0).text());
    }

    @Test
    void aSecretParamIsNamedAndItsValueMaskedFromThenOn() {
        BoundParams bound = bind("""
                runbook "s" {
                  param token: secret
                  param user: string = "ops"
                }
                """, Map.of("token", "tok-123456"));

        assertEquals(List.of(), errors());
        assertEquals(java.util.Set.of("token"), bound.secretNames());
        assertEquals("auth ops:" + Redactor.MASK, redactor.redact("auth ops:tok-123456"));
    }
}
