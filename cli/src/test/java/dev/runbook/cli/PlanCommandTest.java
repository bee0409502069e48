package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --format json} and {@code plan} in every format: shapes, secrets masked, deterministic bytes. */
class PlanCommandTest {
    private static final String SECRET = "hunter2-very-secret";
    private static final String DEPLOY = """
            runbook "deploy" {
              description "two steps and a secret"
              param token: secret = "%s"
              param target: string = "v1"
              step fetch = exec { argv: ["echo", target] }
              step push = exec { argv: ["echo", token] }
                needs fetch
            }
            """.formatted(SECRET);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void checkJsonListsEachFileWithItsDiagnostics() throws IOException {
        Path good = write("good.rb", DEPLOY);
        Path bad = write("bad.rb", "runbook \"b\" {\n  step a = exe { argv: [\"true\"] }\n}\n");
        CliRun run = CliRun.of("check", "--format", "json", good.toString(), bad.toString());
        assertEquals(ExitCodes.INVALID, run.code(), run.toString());
        Map<?, ?> root = assertInstanceOf(Map.class, Json.parse(run.out()));
        List<?> files = assertInstanceOf(List.class, root.get("files"));
        assertEquals(2, files.size());
        Map<?, ?> first = (Map<?, ?>) files.get(0);
        assertEquals(good.toString(), first.get("path"));
        assertEquals(true, first.get("ok"));
        assertEquals(2L, ((Number) first.get("steps")).longValue());
        for (Object w : (List<?>) first.get("diagnostics")) {
            assertEquals("warning", ((Map<?, ?>) w).get("severity"), "only safety warnings on the good file: " + w);
        }
        Map<?, ?> second = (Map<?, ?>) files.get(1);
        assertEquals(false, second.get("ok"));
        assertNull(second.get("steps"));
        List<?> diagnostics = (List<?>) second.get("diagnostics");
        assertEquals(1, diagnostics.size(), run.out());
        Map<?, ?> d = (Map<?, ?>) diagnostics.get(0);
        assertEquals("error", d.get("severity"));
        assertEquals("RB0100", d.get("code"));
        assertEquals(bad.toString(), d.get("path"));
        assertEquals(2L, ((Number) d.get("line")).longValue());
        assertEquals(12L, ((Number) d.get("column")).longValue());
        assertEquals(15L, ((Number) d.get("end_column")).longValue());
        assertEquals("unknown step type `exe`", d.get("message"));
        assertTrue(d.containsKey("notes"), run.out());
        assertEquals("", run.err(), "json goes to stdout only");
    }

    @Test
    void planJsonHasTheDocumentedShapeAndMasksSecrets() throws IOException {
        CliRun run =
                CliRun.of("plan", "--format", "json", write("deploy.rb", DEPLOY).toString());
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertFalse(run.all().contains(SECRET), "the secret leaked:\n" + run);
        Map<?, ?> plan = assertInstanceOf(Map.class, Json.parse(run.out()));
        assertEquals(1L, ((Number) plan.get("format_version")).longValue());
        assertEquals("deploy", plan.get("runbook"));
        assertTrue(String.valueOf(plan.get("hash")).matches("[0-9a-f]{64}"), "hash: " + plan.get("hash"));
        assertEquals(Map.of("token", "********", "target", "v1"), plan.get("params"));
        List<?> steps = assertInstanceOf(List.class, plan.get("steps"));
        assertEquals(2, steps.size());
        Map<?, ?> fetch = (Map<?, ?>) steps.get(0);
        Map<?, ?> push = (Map<?, ?>) steps.get(1);
        assertEquals("fetch", fetch.get("id"));
        assertEquals("exec", fetch.get("type"));
        assertEquals("write", fetch.get("effect"));
        assertEquals(List.of(), fetch.get("needs"));
        assertEquals("run `echo v1`", fetch.get("describe"));
        assertEquals("push", push.get("id"));
        assertEquals(List.of("fetch"), push.get("needs"));
        assertEquals("run `echo ********`", push.get("describe"));
    }

    @Test
    void planHashFollowsTheParams() throws IOException {
        Path file = write("deploy.rb", DEPLOY);
        Object v1 = ((Map<?, ?>) Json.parse(
                        CliRun.of("plan", "--format", "json", file.toString()).out()))
                .get("hash");
        Object v2 = ((Map<?, ?>) Json.parse(CliRun.of("plan", "--format", "json", file.toString(), "-p", "target=v2")
                        .out()))
                .get("hash");
        assertFalse(v1.equals(v2), "different params, same hash " + v1);
    }

    @Test
    void planIsDeterministic() throws IOException {
        Path file = write("deploy.rb", DEPLOY);
        for (String format : List.of("text", "json", "markdown", "mermaid")) {
            CliRun a = CliRun.of("plan", "--format", format, file.toString());
            CliRun b = CliRun.of("plan", "--format", format, file.toString());
            assertEquals(ExitCodes.OK, a.code(), a.toString());
            assertEquals(a.out(), b.out(), "plan --format " + format + " differs between two runs");
        }
    }

    @Test
    void planTextShowsStepsInOrderAndMasksSecrets() throws IOException {
        CliRun run = CliRun.of("plan", write("deploy.rb", DEPLOY).toString());
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(run.out().startsWith("Plan for runbook \"deploy\" (2 steps; 2 waves)"), run.toString());
        assertTrue(run.out().contains("token = ********"), run.toString());
        int fetch = run.out().indexOf("1. + fetch [exec, write]");
        int push = run.out().indexOf("2. + push [exec, write] after fetch");
        assertTrue(fetch > 0 && push > fetch, run.toString());
        assertFalse(run.all().contains(SECRET), run.toString());
    }

    @Test
    void markdownAndMermaidNameEveryStep() throws IOException {
        Path file = write("deploy.rb", DEPLOY);
        CliRun markdown = CliRun.of("plan", "--format", "markdown", file.toString());
        assertEquals(ExitCodes.OK, markdown.code(), markdown.toString());
        assertTrue(markdown.out().contains("| `fetch` |") && markdown.out().contains("| `push` |"), markdown.out());
        assertFalse(markdown.out().contains(SECRET));
        CliRun mermaid = CliRun.of("plan", "--format", "mermaid", file.toString());
        assertEquals(ExitCodes.OK, mermaid.code(), mermaid.toString());
        assertTrue(mermaid.out().startsWith("flowchart"), mermaid.out());
        assertTrue(mermaid.out().contains("s_fetch --> s_push"), mermaid.out());
    }

    @Test
    void unknownFormatIsAUsageError() throws IOException {
        CliRun run =
                CliRun.of("plan", "--format", "yaml", write("deploy.rb", DEPLOY).toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.toString());
        assertEquals(
                List.of("runbook plan: unknown --format yaml (use text, json, markdown or mermaid)"), run.errLines());
    }

    @Test
    void probeRunsReadStepsOnlyWithTheirTimeLimit() throws Exception {
        Files.writeString(dir.resolve("there.txt"), "x");
        com.sun.net.httpserver.HttpServer hanging =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        hanging.createContext("/", exchange -> {
            try {
                Thread.sleep(60_000); // never answers within the probe's limit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hanging.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        hanging.start();
        try {
            Path rb = write("probe.rb", """
                    runbook "probe" {
                      param dir: path = "%s"
                      step look = file.exists { path: dir + "/there.txt" }
                      step slow = http.get { url: "http://127.0.0.1:%d/health" }
                        timeout 1s
                      step write = file.write { path: dir + "/written.txt", content: "no" }
                    }
                    """.formatted(dir, hanging.getAddress().getPort()));
            CliRun run = CliRun.of("plan", rb.toString(), "--probe");
            assertEquals(ExitCodes.OK, run.code(), run.toString());
            assertTrue(run.out().contains("probe found: {ok: true, exists: true"), run.out());
            assertTrue(
                    run.out().contains("timed out after 1s"), "the probe keeps the step's time limit:\n" + run.out());
            assertFalse(Files.exists(dir.resolve("written.txt")), "a probe never runs a write step");
        } finally {
            hanging.stop(0);
        }
    }
}
