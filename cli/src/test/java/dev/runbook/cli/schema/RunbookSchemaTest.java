package dev.runbook.cli.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.runbook.cli.Main;
import dev.runbook.spi.StepRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** {@code runbook schema} against a real JSON Schema validator: good runbooks pass, broken ones fail. */
class RunbookSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final StepRegistry REGISTRY = StepRegistry.load();

    private static JsonNode schemaNode() throws IOException {
        return MAPPER.readTree(run("schema"));
    }

    /** Stdout of a command line (the exit code is not asserted: check may fail on purpose). */
    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode());
    }

    private static JsonNode yaml(String text) {
        LoadSettings settings =
                LoadSettings.builder().setSchema(new CoreSchema()).build();
        return MAPPER.valueToTree(new Load(settings).loadFromString(text));
    }

    @Test
    void isAValidDraft07Schema() throws IOException {
        JsonSchema meta =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(SchemaLocation.of(SchemaId.V7));
        assertEquals(Set.of(), meta.validate(schemaNode()));
    }

    @Test
    void printsTheSameBytesWhateverOrderTheStepTypesWereFoundIn() {
        java.util.List<dev.runbook.spi.StepType> reversed = new java.util.ArrayList<>(REGISTRY.all());
        java.util.Collections.reverse(reversed);
        String fromReversed =
                RunbookSchema.of(new dev.runbook.spi.StepRegistry(reversed)).toString();
        assertEquals(RunbookSchema.of(REGISTRY).toString(), fromReversed);
    }

    @Test
    void listsEveryStepType() throws IOException {
        JsonNode types = schemaNode().at("/definitions/step/properties/type/enum");
        assertEquals(REGISTRY.all().size(), types.size());
        assertTrue(types.toString().contains("\"git.checkout\""));
    }

    @TestFactory
    Stream<DynamicTest> everyShippedRunbookValidates() throws IOException {
        List<Path> files = yamlFiles(ROOT.resolve("runbooks"));
        assertFalse(files.isEmpty(), "found the YAML runbooks");
        JsonSchema schema = schema();
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(
                        ROOT.relativize(f).toString(),
                        () -> assertEquals(Set.of(), schema.validate(yaml(Files.readString(f))), f.toString())));
    }

    /**
     * The YAML pairs test the reader, not the step types, so some use arguments no step type has. The schema must
     * agree with {@code runbook check}: a file the checker accepts validates, and a file the schema rejects has
     * step-type errors (RB0100-RB0104) in the checker too.
     */
    @TestFactory
    Stream<DynamicTest> theYamlPairsValidateExactlyWhenTheCheckerAgrees() throws IOException {
        List<Path> files = yamlFiles(ROOT.resolve("grammar/src/test/resources/dev/runbook/yaml/pairs"));
        assertTrue(files.size() >= 4, "found the YAML pairs: " + files);
        JsonSchema schema = schema();
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> {
                    Set<ValidationMessage> errors = schema.validate(yaml(Files.readString(f)));
                    String check = run("check", "--format", "json", f.toString());
                    boolean checkerAccepts = check.contains("\"ok\": true");
                    if (checkerAccepts) {
                        assertEquals(Set.of(), errors, f.toString());
                    } else if (!errors.isEmpty()) {
                        assertTrue(
                                check.matches("(?s).*\"code\": \"RB010[0-4]\".*"),
                                "schema errors " + errors + " but no step-type error from check:\n" + check);
                    }
                }));
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aMinimalRunbookValidates() throws IOException {
        assertEquals(Set.of(), schema().validate(yaml("""
                runbook: small
                x-anchors: {a: 1}
                params:
                  port: {type: int, default: 8080}
                  target: string
                  level: {type: 'enum("low", "high")', default: low}
                steps:
                  - {id: a, type: exec, with: {argv: ["true"]}, timeout: 30s, retry: {attempts: 3, delay: 1s}}
                  - parallel:
                      - {id: b, type: http.check, with: {url: "http://x/", status: "${port}"}}
                      - {id: c, type: wait, with: {duration: 5s}}
                  - {id: d, type: pm2.stop, with: {name: app}, undo: {type: pm2.start, with: {name: app}}}
                verify:
                  - {name: up, type: http.get, with: {url: "http://x/"}, expect: it.status == 200, within: 30s}
                """)));
    }

    @Test
    void aHostBlockValidates() throws IOException {
        assertEquals(Set.of(), schema().validate(yaml("""
                runbook: hosts
                steps:
                  - on: web
                    as: deploy
                    rolling: [1, "50%"]
                    max_failures: 1
                    undo_all: true
                    steps:
                      - {id: a, type: exec, with: {argv: ["true"]}}
                    verify:
                      - {name: up, type: http.get, with: {url: "http://x/"}, expect: it.status == 200}
                  - {on: db, rolling: "25%", steps: [{id: b, type: exec, with: {argv: ["true"]}}]}
                """)));
    }

    @Test
    void aHostBlockWithAnUnknownKeyOrABadSizeFails() throws IOException {
        assertInvalid("steps:\n  - {on: web, roling: 1, steps: []}\n", "roling");
        assertInvalid("steps:\n  - {on: web, rolling: half, steps: []}\n", "rolling");
    }

    @Test
    void anUnknownStepTypeFails() throws IOException {
        assertInvalid("steps:\n  - {id: a, type: exec.run, with: {argv: [\"true\"]}}\n", "type");
    }

    @Test
    void anUnknownArgumentFails() throws IOException {
        assertInvalid("steps:\n  - {id: a, type: exec, with: {argv: [\"true\"], argz: 1}}\n", "argz");
    }

    @Test
    void aMissingRequiredArgumentFails() throws IOException {
        assertInvalid("steps:\n  - {id: a, type: file.restore, with: {from: /tmp/x.bak}}\n", "to");
    }

    @Test
    void aMissingWithFails() throws IOException {
        assertInvalid("steps:\n  - {id: a, type: file.restore}\n", "with");
    }

    @Test
    void aValueOfTheWrongTypeFails() throws IOException {
        assertInvalid("steps:\n  - {id: a, type: git.checkout, with: {ref: v1, force: maybe}}\n", "force");
        assertInvalid("steps:\n  - {id: a, type: exec, with: {argv: \"true\"}}\n", "argv");
    }

    @Test
    void anUnknownStepKeyFails() throws IOException {
        assertInvalid("steps:\n  - {id: a, type: exec, with: {argv: [\"true\"]}, retries: 3}\n", "retries");
    }

    @Test
    void aBadDurationFails() throws IOException {
        assertInvalid("steps:\n  - {id: a, type: exec, with: {argv: [\"true\"]}, timeout: soon}\n", "timeout");
    }

    @Test
    void aWriteProbeInAVerifyFails() throws IOException {
        assertInvalid(
                "verify:\n  - {name: x, type: file.write, with: {path: /tmp/a, content: b}, expect: 'true'}\n", "type");
    }

    @Test
    void aMissingRunbookNameFails() throws IOException {
        Set<ValidationMessage> errors = schema().validate(yaml("steps: []\n"));
        assertFalse(errors.isEmpty());
    }

    private static void assertInvalid(String body, String mentioned) throws IOException {
        Set<ValidationMessage> errors = schema().validate(yaml("runbook: broken\n" + body));
        assertFalse(errors.isEmpty(), "expected a schema error for:\n" + body);
        assertTrue(errors.toString().contains(mentioned), "an error names " + mentioned + ": " + errors);
    }
}
