package dev.runbook.cli;

import dev.runbook.plan.Plan;
import dev.runbook.plan.PlanJson;
import dev.runbook.plan.PlanMarkdown;
import dev.runbook.plan.PlanMermaid;
import dev.runbook.plan.PlanText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Show what a run would do, step by step, without changing anything. With --probe the "
                + "read-only steps run for real and the plan shows what they found.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:ok", " 2:usage", " 3:invalid runbook or params"})
final class PlanCommand implements Callable<Integer> {
    private final Services services;

    @Parameters(paramLabel = "FILE", description = "The runbook.")
    Path file;

    @Mixin
    ParamOptions params = new ParamOptions();

    @Option(names = "--format", defaultValue = "text", description = "text, json, markdown or mermaid.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Also save the plan as JSON, for run --plan.")
    Path out;

    @Option(names = "--probe", description = "Run the read-only steps for real and show what they found.")
    boolean probe;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    PlanCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (!java.util.List.of("text", "json", "markdown", "mermaid").contains(format)) {
            services.err()
                    .println("runbook plan: unknown --format " + format + " (use text, json, markdown or mermaid)");
            return ExitCodes.USAGE;
        }
        try {
            Prepared prepared = Prepared.of(services, file, params, Clock.systemDefaultZone());
            Plan plan = prepared.plan();
            if (probe) {
                java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
                try (SignalTrap trap = new SignalTrap(cancel, services.err())) {
                    plan = new Prober(services.registry(), prepared).probe(plan, cancel);
                }
            }
            services.out()
                    .print(
                            switch (format) {
                                case "json" -> PlanJson.render(plan);
                                case "markdown" -> PlanMarkdown.render(plan);
                                case "mermaid" -> PlanMermaid.render(plan);
                                default -> PlanText.render(plan);
                            });
            if (out != null) {
                Files.writeString(out, PlanJson.render(plan));
                services.err()
                        .println(
                                "plan saved to " + out + " (hash " + plan.hash().substring(0, 12) + ")");
            }
            return ExitCodes.OK;
        } catch (Prepared.Failed e) {
            return e.exitCode();
        } catch (IOException e) {
            services.err().println("runbook plan: cannot write " + out + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
