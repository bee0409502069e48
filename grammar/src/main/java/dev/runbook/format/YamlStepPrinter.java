package dev.runbook.format;

import static dev.runbook.format.DslPrinter.endLine;
import static dev.runbook.format.DslPrinter.line;

import dev.runbook.model.Guard;
import dev.runbook.model.Invocation;
import dev.runbook.model.NameRef;
import dev.runbook.model.Retry;
import dev.runbook.model.Step;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.Expr;
import dev.runbook.source.Span;
import dev.runbook.syntax.antlr.RunbookLexer;
import java.util.ArrayList;
import java.util.List;

/** One step as a YAML list item, its keys in the DSL printer's clause order. */
final class YamlStepPrinter {
    private final YamlBlock yaml;
    private final Comments comments;

    YamlStepPrinter(YamlBlock yaml, Comments comments) {
        this.yaml = yaml;
        this.comments = comments;
    }

    /** The step as a list item whose keys sit at {@code level} (its dash one level up). */
    void step(int level, Step s) {
        int from = line(s.span());
        yaml.item();
        yaml.key(level, "id: " + YamlScalars.string(s.id()), from, from);
        yaml.invocation(level, s.invocation(), from, Math.max(from, DslPrinter.invocationEnd(s.invocation())));
        expression(level, "when", s.when());
        expression(level, "unless", s.unless());
        guards(level, s.requires());
        if (!s.needs().isEmpty()) {
            List<NameRef> needs = s.needs();
            yaml.key(
                    level,
                    "needs: ["
                            + String.join(
                                    ", ",
                                    needs.stream()
                                            .map(n -> YamlScalars.string(n.name()))
                                            .toList()) + "]",
                    line(needs.get(0).span()),
                    endLine(needs.get(needs.size() - 1).span()));
        }
        if (s.confirm() != null) {
            yaml.value(
                    level,
                    "confirm",
                    s.confirm().message(),
                    line(s.confirm().span()),
                    endLine(s.confirm().span()));
        }
        if (s.timeout() != null) {
            yaml.key(
                    level,
                    "timeout: " + YamlScalars.value(s.timeout()),
                    line(s.timeout().span()),
                    endLine(s.timeout().span()));
        }
        if (s.retry() != null) {
            yaml.key(
                    level,
                    "retry: " + retry(s.retry()),
                    line(s.retry().span()),
                    endLine(s.retry().span()));
        }
        verifies(level, s.verifies());
        if (s.undo() != null) {
            undo(level, s.undo());
        }
        // comments of the step not placed yet go above its last key: read back, that is where they stay
        yaml.out().comments(level, yaml.out().pool().within(from, endLine(s.span())));
        if (s.onFailure() != null) {
            int[] r =
                    comments.clauseRange(RunbookLexer.ON_FAILURE, from, endLine(s.span()), DslInvocations.NAME_TOKENS);
            yaml.key(level, "on_failure: " + s.onFailure().keyword(), r == null ? -1 : r[0], r == null ? -1 : r[1]);
        }
        yaml.out().comments(level, yaml.out().pool().within(from, endLine(s.span())));
    }

    private void expression(int level, String key, Expr e) {
        if (e != null) {
            yaml.key(level, key + ": " + YamlScalars.expression(e), line(e.span()), endLine(e.span()));
        }
    }

    /** {@code require:} as a list of expressions or {@code {message, that}} entries (runbook and step level). */
    void guards(int level, List<Guard> guards) {
        if (guards.isEmpty()) {
            return;
        }
        yaml.key(level, "require:", -1, -1);
        for (Guard g : guards) {
            String that = YamlScalars.expression(g.condition());
            String text = g.message() == null
                    ? that
                    : "{message: " + YamlScalars.value(g.message()) + ", that: " + that + "}";
            yaml.out().line(level + 1, "- " + text, line(g.span()), endLine(g.span()));
        }
    }

    private static String retry(Retry r) {
        if (r.delay() == null && r.backoff() == null) {
            return YamlScalars.value(r.attempts());
        }
        List<String> entries = new ArrayList<>(List.of("attempts: " + YamlScalars.value(r.attempts())));
        if (r.delay() != null) {
            entries.add("delay: " + YamlScalars.value(r.delay()));
        }
        if (r.backoff() != null) {
            entries.add("backoff: " + YamlScalars.value(r.backoff()));
        }
        return "{" + String.join(", ", entries) + "}";
    }

    private void verifies(int level, List<Verify> verifies) {
        if (verifies.isEmpty()) {
            return;
        }
        if (verifies.size() == 1) {
            Verify v = verifies.get(0);
            yaml.key(level, "verify: " + verify(v), line(v.span()), endLine(v.span()));
            return;
        }
        yaml.key(level, "verify:", -1, -1);
        for (Verify v : verifies) {
            yaml.out().line(level + 1, "- " + verify(v), line(v.span()), endLine(v.span()));
        }
    }

    private static String verify(Verify v) {
        String that = YamlScalars.expression(v.condition());
        if (v.within() == null && v.every() == null) {
            return that;
        }
        StringBuilder out = new StringBuilder("{that: ").append(that);
        if (v.within() != null) {
            out.append(", within: ").append(YamlScalars.value(v.within()));
        }
        if (v.every() != null) {
            out.append(", every: ").append(YamlScalars.value(v.every()));
        }
        return out.append('}').toString();
    }

    private void undo(int level, Invocation undo) {
        Span span = undo.span();
        int from = line(span);
        int to = Math.max(from, DslPrinter.invocationEnd(undo));
        if (undo.args().isEmpty() && !undo.isCall()) {
            yaml.key(level, "undo: " + YamlScalars.string(undo.type()), from, to);
            return;
        }
        String head = undo.isCall()
                ? "call: " + YamlScalars.string(undo.target())
                : "type: " + YamlScalars.string(undo.type());
        String flow =
                "undo: {" + head + (undo.args().isEmpty() ? "" : ", with: " + YamlBlock.flowArgs(undo.args())) + "}";
        if (2 * level + flow.length() <= YamlBlock.WIDTH
                && flow.indexOf('\n') < 0
                && !yaml.out().pool().anyInside(from, to)) {
            yaml.key(level, flow, from, to);
            return;
        }
        yaml.key(level, "undo:", from, from);
        yaml.invocation(level + 1, undo, -1, -1);
        yaml.out().comments(level + 1, yaml.out().pool().within(from, to));
    }
}
