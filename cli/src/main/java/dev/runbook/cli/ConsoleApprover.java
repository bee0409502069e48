package dev.runbook.cli;

import dev.runbook.engine.Approver;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Confirmation gates on the command line: --yes approves all, --approve ID approves that step, and on a terminal
 * the operator is asked (only "y" or "yes" approves). With none of these, a gate cannot be answered.
 */
final class ConsoleApprover implements Approver {
    private final boolean yes;
    private final Set<String> approved;
    private final Console console;
    private final PrintStream out;

    ConsoleApprover(boolean yes, Set<String> approved, Console console, PrintStream out) {
        this.yes = yes;
        this.approved = Set.copyOf(approved);
        this.console = console;
        this.out = out;
    }

    @Override
    public boolean canAsk(String stepId) {
        return yes || approved.contains(stepId) || console != null;
    }

    @Override
    public synchronized boolean approve(String stepId, String question) {
        if (yes || approved.contains(stepId)) {
            out.println("? " + stepId + ": " + question + " -> approved by " + (yes ? "--yes" : "--approve"));
            return true;
        }
        if (console == null) {
            return false;
        }
        out.print("? " + stepId + ": " + question + " [y/N] ");
        out.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return false;
        }
        return answer != null && (answer.strip().equalsIgnoreCase("y")
                || answer.strip().toLowerCase(Locale.ROOT).equals("yes"));
    }
}
