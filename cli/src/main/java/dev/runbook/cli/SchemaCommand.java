package dev.runbook.cli;

import dev.runbook.cli.schema.RunbookSchema;
import dev.runbook.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = {
            "Print a JSON Schema (draft-07) for YAML runbooks, made from the installed step types, so that "
                    + "an editor completes and validates them.",
            "VS Code (YAML extension): save it and add `# yaml-language-server: $schema=runbook.schema.json` at "
                    + "the top of a runbook, or map it in settings under yaml.schemas."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:ok", " 2:usage or cannot write --out"})
final class SchemaCommand implements Callable<Integer> {
    private final Services services;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of stdout.")
    Path out;

    SchemaCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        String schema = Json.pretty(RunbookSchema.of(services.registry()));
        if (out == null) {
            services.out().print(schema);
            return ExitCodes.OK;
        }
        try {
            Files.writeString(out, schema);
            return ExitCodes.OK;
        } catch (IOException e) {
            services.err().println("runbook schema: cannot write " + out + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
