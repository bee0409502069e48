package dev.runbook.cli;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.format.Formatter;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.RunbookReader;
import dev.runbook.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "fmt",
        mixinStandardHelpOptions = true,
        description = "Rewrite runbooks in the one canonical layout of their syntax, comments kept.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:ok (or nothing to change with --check)",
            " 1:--check: some files would change",
            " 3:a file could not be read or parsed"
        })
final class FmtCommand implements Callable<Integer> {
    private final Services services;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Runbook files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--check", description = "Change nothing; list the files that are not formatted and exit 1.")
    boolean check;

    FmtCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Formatter formatter = new Formatter(YamlReader::read);
        boolean invalid = false;
        List<Path> changed = new ArrayList<>();
        for (Path file : files) {
            Diagnostics diagnostics = new Diagnostics();
            SourceFile source = RunbookReader.load(file, diagnostics);
            String formatted = source == null ? null : formatter.format(source, diagnostics);
            if (formatted == null) {
                services.report(diagnostics);
                invalid = true;
                continue;
            }
            if (formatted.equals(source.text())) {
                continue;
            }
            changed.add(file);
            if (!check) {
                try {
                    Files.writeString(file, formatted);
                } catch (IOException e) {
                    services.err().println("runbook fmt: cannot write " + file + ": " + e.getMessage());
                    invalid = true;
                }
            }
        }
        for (Path p : changed) {
            services.out().println((check ? "would reformat " : "formatted ") + p);
        }
        if (invalid) {
            return ExitCodes.INVALID;
        }
        return check && !changed.isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
