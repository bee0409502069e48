package dev.runbook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes the generated part of the bad-input corpus. Small files are committed under
 * {@code src/test/resources/badinput/generated/} (run {@link #main} from the cli folder to remake them); big ones
 * (megabytes, 10,000 levels of nesting) are made at test time by {@link #large()} and never committed.
 */
final class BadInputGenerator {
    static final Path SEEDS = Path.of("../runbooks");

    private BadInputGenerator() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of("src/test/resources/badinput/generated");
        for (Map.Entry<String, byte[]> e : small().entrySet()) {
            Files.createDirectories(out);
            Files.write(out.resolve(e.getKey()), e.getValue());
        }
    }

    /** The committed files: truncations of the seed runbooks, wrong types, garbage bytes. */
    static Map<String, byte[]> small() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        truncations("quickstart.rb", files);
        truncations("quickstart.yaml", files);
        wrongTypes(files);
        garbage(files);
        return files;
    }

    /** Every prefix that ends at a line end, and every one that ends in the middle of a line. */
    private static void truncations(String seed, Map<String, byte[]> files) throws IOException {
        String text = Files.readString(SEEDS.resolve(seed));
        String ext = seed.substring(seed.lastIndexOf('.'));
        List<String> lines = text.lines().toList();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < lines.size() - 1; i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.trim().startsWith("#")) {
                prefix.append(line).append('\n');
                continue;
            }
            files.put(
                    String.format("truncated-%02d-mid%s", i + 1, ext),
                    utf8(prefix + line.substring(0, line.length() / 2)));
            prefix.append(line).append('\n');
            files.put(String.format("truncated-%02d%s", i + 1, ext), utf8(prefix.toString()));
        }
    }

    private static final String[][] DSL_WRONG = {
        {"wait", "duration", "\"ten seconds\""},
        {"wait", "duration", "10"},
        {"wait", "duration", "true"},
        {"wait", "duration", "[1s]"},
        {"wait", "duration", "{a: 1s}"},
        {"wait", "duration", "null"},
        {"file.exists", "path", "42"},
        {"file.exists", "path", "[\"a\"]"},
        {"file.exists", "path", "{p: 1}"},
        {"file.exists", "path", "1s"},
        {"file.exists", "path", "1 + \"a\""},
        {"file.exists", "path", "!\"a\""},
        {"exec", "argv", "\"true\""},
        {"exec", "argv", "5"},
        {"exec", "argv", "{a: 1}"},
        {"exec", "argv", "[\"true\"], env: [1]"},
        {"exec", "argv", "[\"true\"], timeout: \"x\""},
        {"exec", "argv", "[\"true\"], ok_codes: \"0\""},
        {"exec", "argv", "[\"true\"], nope: 1"},
        {"http.check", "url", "1"},
        {"notify", "message", "[]"},
        {"file.write", "path", "true"},
    };
    private static final String[] DSL_CLAUSES = {
        "timeout \"x\"",
        "timeout 0s",
        "timeout 5",
        "retry \"3\"",
        "retry 0",
        "retry 1000",
        "retry 3 delay 5",
        "retry 3 backoff \"x\"",
        "when 5",
        "when \"yes\"",
        "unless [true]",
        "verify 1 + 1",
        "verify it.nope",
        "verify true within 5",
        "verify true within 1s every \"x\"",
        "confirm 42",
        "confirm [\"a\"]",
        "require \"m\": 1",
        "needs nope",
        "on_failure maybe",
        "undo wait { duration: \"x\" }",
        "when steps.nope.x",
        "when size(1, 2, 3)",
        "when nosuch(1)",
        "when 1 in 2",
        "when env()",
        "when -true",
        "when 1 < \"a\"",
    };
    private static final String[][] YAML_WRONG = {
        {"wait", "{duration: ten seconds}"},
        {"wait", "{duration: 10}"},
        {"wait", "{duration: [1s]}"},
        {"wait", "{duration: {a: 1}}"},
        {"wait", "{duration: null}"},
        {"wait", "{}"},
        {"wait", "[]"},
        {"wait", "five"},
        {"file.exists", "{path: 42}"},
        {"file.exists", "{path: [a]}"},
        {"file.exists", "{path: \"${1 + }\"}"},
        {"exec", "{argv: \"true\"}"},
        {"exec", "{argv: {a: 1}}"},
        {"exec", "{argv: [\"true\"], env: [1]}"},
        {"exec", "{argv: [\"true\"], nope: 1}"},
        {"nope.nope", "{}"},
    };
    private static final String[] YAML_CLAUSES = {
        "timeout: x",
        "timeout: [1s]",
        "retry: x",
        "retry: {attempts: x}",
        "retry: {attempts: 3, nope: 1}",
        "when: 5",
        "when: '1 +'",
        "unless: [true]",
        "verify: '1 + 1'",
        "verify: {a: 1}",
        "confirm: [a]",
        "needs: nope",
        "needs: [nope]",
        "needs: {a: 1}",
        "on_failure: maybe",
        "undo: x",
        "undo: {type: wait}",
        "id: [a]",
        "type: 5",
        "nope: 1",
        "require: 5",
        "parallel: x",
    };

    private static void wrongTypes(Map<String, byte[]> files) {
        int n = 0;
        for (String[] w : DSL_WRONG) {
            files.put(
                    String.format("wrong-type-%02d.rb", ++n),
                    utf8("runbook \"wrong\" {\n  step s = " + w[0] + " { " + w[1] + ": " + w[2] + " }\n}\n"));
        }
        for (String clause : DSL_CLAUSES) {
            files.put(
                    String.format("wrong-type-%02d.rb", ++n),
                    utf8("runbook \"wrong\" {\n" + "  step s = wait { duration: 1s }\n    " + clause + "\n}\n"));
        }
        for (String[] w : YAML_WRONG) {
            files.put(
                    String.format("wrong-type-%02d.yaml", ++n),
                    utf8("runbook: wrong\nsteps:\n  - id: s\n" + "    type: " + w[0] + "\n    with: " + w[1] + "\n"));
        }
        for (String clause : YAML_CLAUSES) {
            files.put(
                    String.format("wrong-type-%02d.yaml", ++n),
                    utf8("runbook: wrong\nsteps:\n  - id: s\n" + "    type: wait\n    with: {duration: 1s}\n    "
                            + clause + "\n"));
        }
    }

    /** Random bytes, and a valid runbook with invalid UTF-8 or control characters spliced in. */
    private static void garbage(Map<String, byte[]> files) {
        Random random = new Random(20240601L);
        for (int i = 1; i <= 6; i++) {
            byte[] bytes = new byte[64 << i];
            random.nextBytes(bytes);
            files.put("binary-" + i + (i % 2 == 0 ? ".yaml" : ".rb"), bytes);
        }
        String valid = "runbook \"x\" {\n  step a = wait { duration: 1s }\n}\n";
        String[] splices = {"\u0001", "\u001b[31m", "\u007f", "\ufffe", "\u202e"};
        for (int i = 0; i < splices.length; i++) {
            files.put("control-" + (i + 1) + ".rb", utf8(valid.replace("wait", "wa" + splices[i] + "it")));
            files.put("control-" + (i + 1) + ".yaml", utf8("runbook: x" + splices[i] + "\nsteps: []\n"));
        }
    }

    /** Made at test time: megabytes, and 10,000 levels of nesting. */
    static Map<String, byte[]> large() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        int deep = 10_000;
        files.put(
                "deep-parens.rb",
                utf8("runbook \"x\" {\n  step a = wait { duration: " + "(".repeat(deep) + "1s" + ")".repeat(deep)
                        + " }\n}\n"));
        files.put(
                "deep-lists.rb",
                utf8("runbook \"x\" {\n  step a = exec { argv: " + "[".repeat(deep) + "\"a\"" + "]".repeat(deep)
                        + " }\n}\n"));
        files.put("deep-unclosed.rb", utf8("runbook \"x\" {\n  step a = exec { argv: " + "[{(".repeat(deep)));
        files.put(
                "deep-maps.rb",
                utf8("runbook \"x\" {\n  step a = exec { argv: [\"a\"], env: " + "{a: ".repeat(deep) + "1"
                        + "}".repeat(deep) + " }\n}\n"));
        files.put(
                "deep-not.rb",
                utf8("runbook \"x\" {\n  step a = wait { duration: 1s }\n    when " + "!".repeat(deep) + "true\n}\n"));
        files.put("long-chain.rb", utf8("runbook \"x\" {\n  param p: int = " + "1 + ".repeat(deep * 5) + "1\n}\n"));
        files.put("long-member.rb", utf8("runbook \"x\" {\n  param p: int = run" + ".a".repeat(deep * 5) + "\n}\n"));
        files.put("deep-flow.yaml", utf8("runbook: x\nsteps: " + "[".repeat(deep) + "]".repeat(deep) + "\n"));
        files.put("deep-flow-unclosed.yaml", utf8("runbook: x\nsteps: " + "[{".repeat(deep) + "\n"));
        files.put(
                "deep-expression.yaml",
                utf8("runbook: x\nrequire: [\"" + "(".repeat(deep) + "true" + ")".repeat(deep) + "\"]\n"));
        StringBuilder block = new StringBuilder("runbook: x\nsteps:\n");
        for (int i = 0; i < 1000; i++) {
            block.append("  ".repeat(i)).append("- \n");
        }
        files.put("deep-block.yaml", utf8(block.toString()));
        files.put(
                "huge-string.rb",
                utf8("runbook \"x\" {\n  step a = exec { argv: [\"" + "a".repeat(3 << 20)
                        + "\"] }\n  step b = nope { }\n}\n"));
        files.put("huge-comment.rb", utf8("# " + "c".repeat(3 << 20) + "\nrunbook \"x\" {\n  step a = nope { }\n}\n"));
        files.put("huge-line.rb", utf8("runbook \"x\" { " + "step a = wait { duration: 1s } ".repeat(100_000)));
        files.put("huge-over-limit.rb", utf8("#".repeat(9 << 20)));
        files.put("huge.yaml", utf8("runbook: x\ndescription: \"" + "d".repeat(2 << 20) + "\"\n"));
        files.put("huge-under-limit.yaml", utf8("runbook: x\nsteps:\n" + "  - {id: a, type: nope}\n".repeat(30_000)));
        files.put("many-aliases.yaml", utf8(aliasBomb(30)));
        byte[] garbage = new byte[3 << 20];
        new Random(7).nextBytes(garbage);
        files.put("huge-binary.rb", garbage);
        return files;
    }

    /** Each level refers to the one below {@code width} times: width^levels nodes if expanded. */
    private static String aliasBomb(int width) {
        StringBuilder out = new StringBuilder("runbook: x\n");
        out.append("l0: &l0 [x]\n");
        for (int level = 1; level <= 12; level++) {
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                refs.add("*l" + (level - 1));
            }
            out.append("l")
                    .append(level)
                    .append(": &l")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", refs))
                    .append("]\n");
        }
        return out.toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
