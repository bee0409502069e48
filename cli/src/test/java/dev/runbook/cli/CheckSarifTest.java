package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --format sarif}: SARIF 2.1.0 that code scanning understands. */
class CheckSarifTest {
    private static final String RUNBOOK = """
            runbook "lint" {
              step checkout = git.checkout { repo: "/srv/app", ref: "v1" }
              step health = http.check { url: "http://127.0.0.1:3001/health" }
            }
            """;

    @TempDir
    Path dir;

    private JsonNode sarif(int expectedExit, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        assertEquals(expectedExit, code, err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void warningsBecomeResultsWithRulesAndLocations() throws Exception {
        Path file = Files.writeString(dir.resolve("lint.rb"), RUNBOOK);
        JsonNode root = sarif(0, "check", "--format", "sarif", file.toString());
        assertEquals("2.1.0", root.get("version").asText());
        JsonNode run = root.get("runs").get(0);
        JsonNode rules = run.at("/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertTrue(
                ids.containsAll(List.of("RB0600", "RB0601", "RB0602", "RB0603", "RB0604", "RB0605", "RB0606")),
                ids.toString());
        rules.forEach(r -> assertTrue(r.at("/help/text").asText().length() > 10, r.toString()));
        JsonNode result = run.get("results").get(0);
        assertEquals("RB0601", result.get("ruleId").asText());
        assertEquals("warning", result.get("level").asText());
        assertEquals(
                "RB0601", rules.get(result.get("ruleIndex").asInt()).get("id").asText());
        assertTrue(result.at("/message/text").asText().contains("`checkout`"));
        JsonNode location = result.at("/locations/0/physicalLocation");
        assertEquals(file.toString(), location.at("/artifactLocation/uri").asText());
        assertEquals(2, location.at("/region/startLine").asInt());
        assertEquals(8, location.at("/region/startColumn").asInt());
        assertEquals(1, run.get("results").size(), run.get("results").toString());
    }

    @Test
    void strictMakesThemErrorsAndFails() throws Exception {
        Path file = Files.writeString(dir.resolve("lint.rb"), RUNBOOK);
        JsonNode root = sarif(ExitCodes.INVALID, "check", "--strict", "--format", "sarif", file.toString());
        assertEquals("error", root.at("/runs/0/results/0/level").asText());
    }

    @Test
    void errorsOfOtherCodesGetARuleToo() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.rb"), "runbook \"x\" {\n  step a = nope.nope { }\n}\n");
        JsonNode run = sarif(ExitCodes.INVALID, "check", "--format", "sarif", file.toString())
                .get("runs")
                .get(0);
        JsonNode result = run.get("results").get(0);
        assertEquals("RB0100", result.get("ruleId").asText());
        assertEquals("error", result.get("level").asText());
        assertEquals(
                "RB0100",
                run.at("/tool/driver/rules")
                        .get(result.get("ruleIndex").asInt())
                        .get("id")
                        .asText());
    }
}
