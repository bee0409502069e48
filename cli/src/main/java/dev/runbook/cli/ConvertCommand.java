package dev.runbook.cli;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.format.Formatter;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.RunbookReader;
import dev.runbook.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = "Convert a runbook between the DSL and YAML; the plan hash stays the same.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:ok", " 2:usage", " 3:the file could not be read or parsed"})
final class ConvertCommand implements Callable<Integer> {
    private final Services services;

    @Parameters(paramLabel = "FILE", description = "The runbook to convert.")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "yaml|rb", description = "The target syntax.")
    String to;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "Write here instead of stdout.")
    Path out;

    ConvertCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        String target = switch (to) {
            case "yaml", "yml" -> Formatter.YAML;
            case "rb", "dsl" -> Formatter.DSL;
            default -> null;
        };
        if (target == null) {
            services.err().println("runbook convert: --to must be yaml or rb, not " + to);
            return ExitCodes.USAGE;
        }
        Diagnostics diagnostics = new Diagnostics();
        SourceFile source = RunbookReader.load(file, diagnostics);
        String text = source == null ? null : new Formatter(YamlReader::read).convert(source, target, diagnostics);
        if (text == null) {
            services.report(diagnostics);
            return ExitCodes.INVALID;
        }
        if (out == null) {
            services.out().print(text);
            return ExitCodes.OK;
        }
        try {
            Files.writeString(out, text);
            return ExitCodes.OK;
        } catch (IOException e) {
            services.err().println("runbook convert: cannot write " + out + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
