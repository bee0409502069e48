package dev.runbook.stdlib.npm;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Command;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.ProcessResult;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code npm.ci}: a clean install from package-lock.json, production dependencies only by default. */
public final class NpmCiStep implements StepType {
    private static final int LINES = 8;

    @Override
    public String name() {
        return "npm.ci";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "npm ci in a directory (--omit=dev unless production: false), output streamed";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("dir", Type.STRING, "the directory with package.json and package-lock.json"),
                ParamSpec.optional("production", Type.BOOL, true, "install production dependencies only (--omit=dev)"),
                ParamSpec.optional("npm", Type.STRING, "npm", "the npm binary"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("added", Type.INT, "packages added, from npm's summary line (0 when up to date)"),
                OutputSpec.of("summary", Type.STRING, "npm's summary line, e.g. \"added 42 packages in 3s\""));
    }

    @Override
    public String describe(Args args) {
        return String.join(" ", argv(args, args.show("npm"))) + " in " + args.show("dir") + " (replaces node_modules)";
    }

    private static List<String> argv(Args args, String npm) {
        List<String> out = new ArrayList<>(List.of(npm, "ci"));
        if (!args.isKnown("production") || args.bool("production")) {
            out.add("--omit=dev");
        }
        out.addAll(List.of("--no-audit", "--no-fund"));
        return out;
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        Path dir = context.resolve(args.string("dir"));
        if (context.target().isLocal() && !Files.isRegularFile(dir.resolve("package-lock.json"))) {
            return StepResult.failed(
                    "npm ci needs " + dir.resolve("package-lock.json") + " (commit the lock file, or check the dir)");
        }
        List<String> argv = argv(args, args.string("npm"));
        Command command = Command.of(argv).withCwd(dir).withOnLine(line -> context.log(context.redact(line)));
        ProcessResult r;
        try {
            r = context.target().run(command);
        } catch (IOException e) {
            return StepResult.failed("cannot run " + argv.get(0) + ": " + e.getMessage() + " (is node installed?)");
        }
        if (!r.ok()) {
            return StepResult.failed(String.join(" ", argv) + " failed in " + dir + " (exit " + r.exitCode()
                    + (r.timedOut() ? ", timed out" : "") + "); npm said:\n"
                    + context.redact(explanation(r.stderr().isBlank() ? r.stdout() : r.stderr())));
        }
        String summary = "";
        for (String line : r.stdout().split("\n")) {
            if (line.matches("^(added|removed|changed|up to date).*")) {
                summary = line.strip();
            }
        }
        Matcher added = Pattern.compile("added (\\d+) package").matcher(summary);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("added", added.find() ? Long.parseLong(added.group(1)) : 0L);
        out.put("summary", summary);
        return StepResult.ok(out);
    }

    /**
     * npm puts the reason first and may follow it with the whole usage text, then the debug-log path last: keep the
     * first lines and the last one.
     */
    static String explanation(String text) {
        List<String> lines = Arrays.stream(text.split("\n"))
                .filter(l -> !l.isBlank() && !l.strip().equals("npm error"))
                .toList();
        if (lines.size() <= LINES) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, LINES - 1)) + "\n...\n" + lines.get(lines.size() - 1);
    }
}
