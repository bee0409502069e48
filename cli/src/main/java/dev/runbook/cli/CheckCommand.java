package dev.runbook.cli;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.diagnostic.Severity;
import dev.runbook.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Check runbooks for errors without running anything: syntax, step types and arguments, "
                + "references, types, cycles; and the safety lint (RB0600-RB0606: destructive steps without backup or "
                + "confirm, unverified writes, reloads without a health check, literal secrets, needless shells, "
                + "unbounded retries). Warnings do not fail the check unless --strict.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:no errors", " 3:errors found"})
final class CheckCommand implements Callable<Integer> {
    private final Services services;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Runbook files (.rb DSL or .yaml).")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text, json or sarif (SARIF 2.1.0, for code scanning; default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    CheckCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (!List.of("text", "json", "sarif").contains(format)) {
            services.err().println("runbook check: unknown --format " + format + " (use text, json or sarif)");
            return ExitCodes.USAGE;
        }
        boolean failed = false;
        List<Object> reports = new ArrayList<>();
        List<Diagnostic> everything = new ArrayList<>();
        for (Path file : files) {
            Diagnostics diagnostics = new Diagnostics();
            Loaded loaded = services.workbench().load(file, diagnostics);
            List<Diagnostic> found = new ArrayList<>();
            for (Diagnostic d : diagnostics.sorted()) {
                found.add(strict && d.severity() == Severity.WARNING ? d.withSeverity(Severity.ERROR) : d);
            }
            boolean errors = found.stream().anyMatch(Diagnostic::isError);
            failed |= errors;
            if (format.equals("json")) {
                reports.add(report(file, found, loaded));
            } else if (format.equals("sarif")) {
                everything.addAll(found);
            } else {
                Diagnostics shown = new Diagnostics();
                found.forEach(shown::add);
                services.report(shown);
                if (!errors) {
                    services.out()
                            .println("ok: " + file + " ("
                                    + loaded.runbook().stepCounts()
                                    + (shown.isEmpty() ? "" : ", " + shown.warningCount() + " warnings") + ")");
                }
            }
        }
        if (format.equals("json")) {
            services.out().print(Json.pretty(Map.of("files", reports)));
        } else if (format.equals("sarif")) {
            services.out().print(Json.pretty(Sarif.of(everything)));
        }
        return failed ? ExitCodes.INVALID : ExitCodes.OK;
    }

    private static Map<String, Object> report(Path file, List<Diagnostic> found, Loaded loaded) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", file.toString());
        r.put("ok", found.stream().noneMatch(Diagnostic::isError));
        r.put("steps", loaded == null ? null : (long) loaded.runbook().steps().size());
        if (loaded != null) {
            r.put("finally_steps", (long) loaded.runbook().finallySteps().size());
            r.put("on_failure_steps", (long) loaded.runbook().onFailureSteps().size());
        }
        List<Object> items = new ArrayList<>();
        for (Diagnostic d : found) {
            items.add(DiagnosticJson.toMap(d));
        }
        r.put("diagnostics", items);
        return r;
    }
}
