package dev.runbook.stdlib.pm2;

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

/**
 * {@code pm2.logs}: the last lines of an app's log files. It reads the files pm2 writes (paths from jlist) rather
 * than running {@code pm2 logs}, which streams forever.
 */
public final class Pm2LogsStep implements StepType {
    @Override
    public String name() {
        return "pm2.logs";
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.Set.of(Trait.ON_HOST);
    }

    @Override
    public String summary() {
        return "The last lines of an app's out and error logs (the files pm2 writes; secrets masked)";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("name", Type.STRING, "the app name"),
                ParamSpec.optional("lines", Type.INT, 50L, "how many lines of each log file"),
                Pm2Cli.PM2,
                Pm2Cli.PM2_HOME);
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("lines", Type.STRING, "the text, each file under a \"==> path <==\" header"),
                OutputSpec.of("files", Type.LIST, "the log files read"));
    }

    @Override
    public String describe(Args args) {
        return "read the last " + args.show("lines") + " lines of the pm2 logs of " + args.show("name")
                + " (like pm2 logs --lines " + args.show("lines") + " --nostream)" + Pm2Cli.homeNote(args);
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        String name = args.string("name");
        Pm2Cli pm2 = new Pm2Cli(args, context);
        try {
            List<Pm2Process> mine = pm2.list(List.of(name));
            if (mine.isEmpty()) {
                return StepResult.failed("pm2 has no app named " + name + " (check pm2_home / PM2_HOME)");
            }
            List<Object> files = new ArrayList<>();
            for (Pm2Process p : mine) {
                for (String f : List.of(p.outLog(), p.errLog())) {
                    if (!f.isEmpty() && !files.contains(f)) {
                        files.add(f);
                    }
                }
            }
            StringBuilder text = new StringBuilder();
            for (Object f : files) {
                text.append("==> ").append(f).append(" <==\n").append(pm2.tail(f.toString(), args.integer("lines")));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("lines", context.redact(text.toString()));
            out.put("files", files);
            return StepResult.ok(out);
        } catch (Pm2Cli.Pm2Failure e) {
            return StepResult.failed(e.getMessage());
        }
    }
}
