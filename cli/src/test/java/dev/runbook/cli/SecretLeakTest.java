package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One secret in every place it can appear (exec args, env, an interpolated URL with user info and query, a URI
 * in a notify message, a failing command that echoes it and base64 of it): neither the value nor its URL- or
 * base64-encoded forms reach the console, the JSON events, the journal, the saved plan, history or error text.
 */
class SecretLeakTest {
    private static final String SECRET = "s3cr3t/p@ss+w0rd=";
    private static final String RUNBOOK = """
            runbook "leak" {
              param token: secret "api token"
              param dir: path "work dir"

              lock "leak:${dir}:${token}"

              step args = exec { argv: ["echo", "token=${token}"], env: { TOKEN: token } }
              step envs = shell { script: "echo \\"$TOKEN\\"; printf %s \\"$TOKEN\\" | base64", env: { TOKEN: token } }
              step url = http.get { url: "http://user:${token}@127.0.0.1:9/api?key=${token}" }
                on_failure continue
              step tell = notify { title: "deploy", message: "used ${token} for https://admin:${token}@db.example/x" }
              step boom = shell { script: "echo \\"failing with ${token}\\" >&2; exit 3" }
            }
            """;

    @Test
    void noOutputHoldsTheSecretInAnyForm(@TempDir Path dir) throws Exception {
        Path rb = dir.resolve("leak.rb");
        Files.writeString(rb, RUNBOOK);
        String token = "token=" + SECRET;
        String d = "dir=" + dir;
        List<String> texts = new ArrayList<>();

        Cli.Result plan = Cli.run(
                "plan",
                rb.toString(),
                "-p",
                token,
                "-p",
                d,
                "--format",
                "json",
                "--out",
                dir.resolve("plan.json").toString());
        assertEquals(ExitCodes.OK, plan.code(), plan.all());
        texts.add(plan.all());

        Cli.Result console = Cli.run("run", rb.toString(), "-p", token, "-p", d, "--no-color");
        assertEquals(ExitCodes.FAILED, console.code(), console.all());
        assertTrue(console.out().contains("failing with ********"), console.out());
        texts.add(console.all());

        Cli.Result json = Cli.run("run", rb.toString(), "-p", token, "-p", d, "--json", "--debug");
        assertEquals(ExitCodes.FAILED, json.code(), json.all());
        texts.add(json.all());

        Cli.Result runs = Cli.run("runs", "--state-dir", dir.resolve(".runbook").toString(), "--json");
        texts.add(runs.all());
        for (String id : dir.resolve(".runbook/runs").toFile().list()) {
            texts.add(Cli.run("show", id, "--state-dir", dir.resolve(".runbook").toString())
                    .all());
            texts.add(Cli.run("show", id, "--state-dir", dir.resolve(".runbook").toString(), "--json")
                    .all());
        }
        try (Stream<Path> files = Files.walk(dir.resolve(".runbook"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(Files.readString(f));
            }
        }
        texts.add(Files.readString(dir.resolve("plan.json")));
        Cli.Result stale = Cli.run(
                "run",
                rb.toString(),
                "-p",
                token,
                "-p",
                "dir=" + dir.resolve("other"),
                "--plan",
                dir.resolve("plan.json").toString());
        assertEquals(ExitCodes.INVALID, stale.code(), stale.all());
        texts.add(stale.all());

        List<String> forms = List.of(
                SECRET,
                URLEncoder.encode(SECRET, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().withoutPadding().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
        for (String text : texts) {
            for (String form : forms) {
                assertFalse(text.contains(form), "leaked " + form + " in:\n" + text);
            }
        }
        assertTrue(String.join("\n", texts).contains("********"));
    }
}
