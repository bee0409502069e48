package dev.runbook.check.lint;

import dev.runbook.check.CheckContext;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Arg;
import dev.runbook.model.Step;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.Interpolated;
import dev.runbook.model.expr.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** RB0605 (warning): a {@code shell} step whose script uses no shell syntax, so {@code exec} would do. */
public final class ShellWithoutShellSyntaxRule implements LintRule {
    /** Pipes, lists, redirections, subshells, expansions, globs, quotes, escapes, comments, assignments. */
    private static final Pattern SHELL_SYNTAX = Pattern.compile("[|&;<>()$`*?\\[\\]{}~'\"\\\\#=!\\n]");

    @Override
    public String code() {
        return "RB0605";
    }

    @Override
    public String name() {
        return "shell-without-shell-syntax";
    }

    @Override
    public String help() {
        return "`shell` is an explicit opt-in to a shell; a script with no pipes, redirections, globs, variables "
                + "or quotes is one command: run it with exec { argv: [...] }, which cannot be injected into.";
    }

    @Override
    public void check(CheckContext context) {
        for (Step s : context.runbook().allSteps()) {
            Arg script = s.type().equals("shell") ? s.invocation().arg("script").orElse(null) : null;
            String text = script == null ? null : written(script.value());
            if (text == null
                    || text.isBlank()
                    || SHELL_SYNTAX.matcher(text.replace("${}", "")).find()) {
                continue;
            }
            String hint = text.contains("${}")
                    ? "exec { argv: [\"command\", \"arg\", ...] }, one list item per word"
                    : "exec { argv: " + argv(text) + " }";
            context.diagnostics()
                    .add(Diagnostic.warning(
                                    code(),
                                    script.value().span(),
                                    "step `" + s.id() + "` runs a shell for a plain command; exec would do")
                            .withHint(hint));
        }
    }

    private static String argv(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.strip().split("\\s+")) {
            words.add("\"" + w + "\"");
        }
        return words.toString();
    }

    /** The script's written text (a template's literal parts), or null when it is computed. */
    private static String written(Expr e) {
        if (e instanceof Literal l && l.value() instanceof String text) {
            return text;
        }
        if (!(e instanceof Interpolated i)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Expr part : i.parts()) {
            if (part instanceof Literal l && l.value() instanceof String text) {
                out.append(text);
            } else {
                out.append(" ${} ");
            }
        }
        return out.toString();
    }
}
