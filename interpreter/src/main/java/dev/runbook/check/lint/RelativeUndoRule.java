package dev.runbook.check.lint;

import dev.runbook.check.CheckContext;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Arg;
import dev.runbook.model.Invocation;
import dev.runbook.model.Step;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.Literal;
import dev.runbook.model.expr.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RB0607 (warning): an undo that names a relative position ({@code HEAD~1}, {@code HEAD^}, {@code @{-1}},
 * {@code ORIG_HEAD}), or runs {@code git reset} without a commit taken from outputs. An undo runs after later steps
 * moved things on, so "one back from here" may be someone else's good work; a commit id from the step's outputs is
 * the fact that was true when the step ran.
 */
public final class RelativeUndoRule implements LintRule {
    private static final Pattern RELATIVE = Pattern.compile("HEAD[~^]\\d*|@\\{-?\\d+}|ORIG_HEAD|FETCH_HEAD");
    private static final Pattern GIT_RESET = Pattern.compile("(^|\\s)git(\\s.*)?\\sreset(\\s|$)");

    @Override
    public String code() {
        return "RB0607";
    }

    @Override
    public String name() {
        return "relative-undo";
    }

    @Override
    public String help() {
        return "An undo runs after later steps have moved things on: name an absolute fact from the step's outputs "
                + "(it.previous, steps.<id>.commit, a backup path), never HEAD~1, HEAD^ or @{-1}.";
    }

    @Override
    public void check(CheckContext context) {
        for (Step s : context.runbook().allSteps()) {
            Invocation undo = s.undo();
            if (undo == null) {
                continue;
            }
            List<Literal> literals = new ArrayList<>();
            boolean fromOutputs = false;
            for (Arg a : undo.args()) {
                StringLiterals.each(a.value(), literals::add);
                fromOutputs |= readsOutputs(a.value());
            }
            Literal relative = null;
            StringBuilder words = new StringBuilder();
            for (Literal l : literals) {
                String text = (String) l.value();
                words.append(' ').append(text.strip());
                Matcher m = RELATIVE.matcher(text);
                if (relative == null && m.find()) {
                    relative = l;
                }
            }
            if (relative != null) {
                Matcher m = RELATIVE.matcher((String) relative.value());
                m.find();
                report(
                        context,
                        relative,
                        "the undo of step `" + s.id() + "` names the relative position `" + m.group()
                                + "`: by the time it runs, that may be a different commit");
            } else if (!fromOutputs && GIT_RESET.matcher(words).find()) {
                report(
                        context,
                        undo,
                        "the undo of step `" + s.id() + "` runs `git reset` without a commit taken from outputs");
            }
        }
    }

    private void report(CheckContext context, Literal at, String message) {
        context.diagnostics().add(Diagnostic.warning(code(), at.span(), message).withHint(hint()));
    }

    private void report(CheckContext context, Invocation at, String message) {
        context.diagnostics()
                .add(Diagnostic.warning(code(), at.typeSpan(), message).withHint(hint()));
    }

    private static String hint() {
        return "use a commit id the step recorded, e.g. `it.previous` or `steps.<id>.commit`";
    }

    /** Whether the expression reads {@code it} or {@code steps}: a fact recorded when a step ran. */
    private static boolean readsOutputs(Expr e) {
        boolean[] found = {false};
        StringLiterals.walk(
                e,
                x -> found[0] |=
                        x instanceof Ref r && (r.name().equals("it") || r.name().equals("steps")));
        return found[0];
    }
}
