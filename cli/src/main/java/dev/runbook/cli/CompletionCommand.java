package dev.runbook.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a shell completion script for runbook's commands and options, made from the commands themselves.",
            "bash: `source <(runbook completion bash)` in ~/.bashrc.",
            "zsh: `source <(runbook completion zsh)` in ~/.zshrc (the script turns on zsh's bash completion)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:ok", " 2:usage (a shell other than bash or zsh)"})
final class CompletionCommand implements Callable<Integer> {
    /** The shells picocli's script serves: one script, which loads bashcompinit when zsh sources it. */
    enum Shell {
        bash,
        zsh
    }

    private final Services services;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    CompletionCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        // this command line only holds `completion` (Main adds just the named command): complete all of them
        services.out().print(AutoComplete.bash("runbook", Main.commandLine(services, new String[0])));
        return ExitCodes.OK;
    }
}
