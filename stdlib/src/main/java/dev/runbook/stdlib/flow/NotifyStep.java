package dev.runbook.stdlib.flow;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Delivers a message (the seed's alert and user templates, already interpolated by the engine) to the console, a
 * file, or a webhook.
 */
public final class NotifyStep implements StepType {
    @Override
    public String name() {
        return "notify";
    }

    @Override
    public String summary() {
        return "Send a message to stdout, a file (file:<path>) or a webhook (JSON POST)";
    }

    @Override
    public Effect effect() {
        return Effect.EXTERNAL;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("message", Type.STRING, "the text, with ${...} already filled in"),
                ParamSpec.optional("title", Type.STRING, null, "a heading, e.g. ROLLBACK IN PROGRESS"),
                ParamSpec.optional(
                        "to", Type.STRING, "stdout", "stdout, file:<path> (appends), or an http(s):// webhook"),
                ParamSpec.optional("severity", Type.STRING, null, "critical, high, medium or low"),
                ParamSpec.optional("timeout", Type.DURATION, Duration.ofSeconds(10), "how long a webhook may take"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("delivered_to", Type.STRING, "stdout, file:<absolute path>, or the webhook URL"),
                OutputSpec.of("text", Type.STRING, "the text as delivered"));
    }

    @Override
    public String describe(Args args) {
        String to = args.has("to") ? args.show("to") : "stdout";
        String what = args.has("title") ? args.show("title") : firstLine(args.show("message"));
        return "notify " + to + ": " + what;
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        String to = args.has("to") ? args.string("to") : "stdout";
        String title = args.has("title") ? context.redact(args.string("title")) : null;
        String severity = args.has("severity") ? args.string("severity") : null;
        String message = context.redact(args.string("message"));
        String text = render(title, severity, message);
        if (to.equals("stdout")) {
            text.lines().forEach(context::log);
            return delivered("stdout", text);
        }
        if (to.startsWith("file:")) {
            return toFile(context.resolve(to.substring("file:".length())), text);
        }
        if (to.startsWith("http://") || to.startsWith("https://")) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("title", title);
            fields.put("text", message);
            fields.put("severity", severity);
            Duration timeout = args.duration("timeout") == null ? Duration.ofSeconds(10) : args.duration("timeout");
            String problem = Webhook.post(to, fields, timeout);
            String shown = context.redact(to);
            if (problem != null) {
                return StepResult.failed(
                        context.redact("webhook " + shown + " " + problem + "; the notification was not delivered"));
            }
            return delivered(shown, text);
        }
        return StepResult.failed(context.redact(
                "cannot deliver to \"" + to + "\": use stdout, file:<path>, or an http(s):// webhook URL"));
    }

    private static StepResult toFile(Path file, String text) {
        try {
            Files.writeString(
                    file,
                    text.endsWith("\n") ? text : text + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return delivered("file:" + file, text);
        } catch (IOException e) {
            return StepResult.failed("cannot append the notification to " + file + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage() + "; check that its directory exists");
        }
    }

    private static String render(String title, String severity, String message) {
        String heading = title == null ? "" : title;
        if (severity != null) {
            heading = "[" + severity.toUpperCase(Locale.ROOT) + "]" + (heading.isEmpty() ? "" : " " + heading);
        }
        return heading.isEmpty() ? message : heading + "\n" + message;
    }

    private static StepResult delivered(String where, String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("delivered_to", where);
        out.put("text", text);
        return StepResult.ok(out);
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline) + " ...";
    }
}
