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
    private volatile dev.runbook.engine.LiveConsole live;

    ConsoleApprover(boolean yes, Set<String> approved, Console console, PrintStream out) {
        this.yes = yes;
        this.approved = Set.copyOf(approved);
        this.console = console;
        this.out = out;
    }

    /** The live line to hold while a question is on the terminal. */
    void useLive(dev.runbook.engine.LiveConsole view) {
        this.live = view;
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
        if (live != null) {
            live.hold(true);
        }
        String answer;
        try {
            out.print("? " + stepId + ": " + question + " [y/N] ");
            out.flush();
            answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return false;
        } finally {
            if (live != null) {
                live.hold(false);
            }
        }
        return answer != null
                && (answer.strip().equalsIgnoreCase("y")
                        || answer.strip().toLowerCase(Locale.ROOT).equals("yes"));
    }

    /**
     * The step paths the {@code --approve} values name in a tree whose confirmations are at {@code gates}: a path
     * as written ({@code rollback/checkout}), or a bare id when exactly one gate ends with it.
     *
     * @throws IllegalArgumentException when a bare id is ambiguous, naming the candidates
     */
    static Set<String> resolve(java.util.List<String> given, java.util.List<String> gates) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String a : given) {
            out.add(a);
            if (gates.contains(a)) {
                continue;
            }
            java.util.List<String> ending =
                    gates.stream().filter(g -> g.endsWith("/" + a)).toList();
            if (ending.size() > 1) {
                throw new IllegalArgumentException("--approve " + a + " is ambiguous: it could be "
                        + String.join(" or ", ending) + "; name the step by its path");
            }
            out.addAll(ending);
        }
        return out;
    }
}
