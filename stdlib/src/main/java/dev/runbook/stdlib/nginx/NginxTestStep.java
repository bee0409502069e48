package dev.runbook.stdlib.nginx;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code nginx.test}: {@code nginx -t}, with the error's file and line when the config is invalid. */
public final class NginxTestStep implements StepType {
    @Override
    public String name() {
        return "nginx.test";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "nginx -t: is the configuration valid; if not, the [emerg] message with its file and line";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> out = new ArrayList<>(NginxBinary.PARAMS);
        out.add(ParamSpec.optional(
                "fail",
                Type.BOOL,
                true,
                "fail the step when the configuration is invalid (false: report ok=false and go on)"));
        return out;
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("ok", Type.BOOL, "whether nginx -t passed"),
                OutputSpec.of("file", Type.STRING, "the file of the first error, \"\" when ok"),
                OutputSpec.of("line", Type.INT, "its line, 0 when ok or unknown"),
                OutputSpec.of("message", Type.STRING, "the first [emerg]/[alert] message, \"\" when ok"));
    }

    @Override
    public String describe(Args args) {
        return NginxBinary.show(args) + " -t (test the configuration; changes nothing)";
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        try {
            NginxBinary.TestOutcome t = new NginxBinary(args, context).test();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", t.ok());
            out.put("file", t.file());
            out.put("line", t.line());
            out.put("message", t.message());
            if (!t.ok() && args.bool("fail")) {
                return StepResult.failed("nginx -t failed: " + where(t), out);
            }
            return StepResult.ok(out);
        } catch (NginxBinary.NginxFailure e) {
            return StepResult.failed(e.getMessage());
        }
    }

    static String where(NginxBinary.TestOutcome t) {
        return t.message() + (t.file().isEmpty() ? "" : " in " + t.file() + ":" + t.line());
    }
}
