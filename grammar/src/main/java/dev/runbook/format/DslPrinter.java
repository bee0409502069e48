package dev.runbook.format;

import dev.runbook.model.Batch;
import dev.runbook.model.Guard;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Invariant;
import dev.runbook.model.Invocation;
import dev.runbook.model.Item;
import dev.runbook.model.NameRef;
import dev.runbook.model.Parallel;
import dev.runbook.model.Param;
import dev.runbook.model.Retry;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.source.Span;
import dev.runbook.syntax.antlr.RunbookLexer;
import java.util.List;
import java.util.Set;

/**
 * Prints a runbook in the one canonical DSL layout: members in a fixed order (description, params, lock,
 * requires, steps, verify, invariant, finally, on_failure), step clauses one per line in a fixed order, two-space indent, a
 * blank line between steps. Comments come back at the lines their elements are printed on.
 */
public final class DslPrinter {
    private final Comments comments;
    private final Lines out;
    private final DslInvocations invocations;

    private DslPrinter(Comments comments) {
        this.comments = comments;
        this.out = new Lines(comments.pool(), "  ", Comment::text, true);
        this.invocations = new DslInvocations(out);
    }

    public static String print(Runbook runbook, Comments comments) {
        DslPrinter printer = new DslPrinter(comments == null ? Comments.none() : comments);
        printer.runbook(runbook);
        return printer.out.text();
    }

    private void runbook(Runbook rb) {
        int start = line(rb.span());
        int end = endLine(rb.span());
        int nameLine = line(rb.nameSpan());
        out.line(
                0,
                "runbook " + ExprPrinter.quote(rb.name()) + " {",
                start,
                firstMemberLine(rb) == nameLine ? -1 : nameLine);
        if (rb.description() != null) {
            int[] r = comments.clauseRange(
                    RunbookLexer.DESCRIPTION, start, end, Set.of(RunbookLexer.STRING, RunbookLexer.TEXT_BLOCK));
            out.line(1, "description " + DslStrings.text(rb.description(), 1), from(r), to(r));
        }
        out.gap();
        rb.params().forEach(this::param);
        out.gap();
        if (rb.lock() != null) {
            out.line(
                    1,
                    "lock " + DslStrings.expr(rb.lock(), 1),
                    line(rb.lock().span()),
                    endLine(rb.lock().span()));
        }
        rb.requires().forEach(g -> guard(1, g));
        for (Item item : rb.items()) {
            out.gap();
            if (item instanceof Step s) {
                step(1, s);
            } else if (item instanceof HostBlock h) {
                hostBlock(h);
            } else {
                parallel((Parallel) item);
            }
        }
        for (Verify v : rb.verifies()) {
            out.gap();
            runbookVerify(1, v);
        }
        invariants(rb.invariants(), start, end);
        block("finally", RunbookLexer.FINALLY, rb.finallySteps(), start, end);
        block("on_failure", RunbookLexer.ON_FAILURE, rb.onFailureSteps(), start, end);
        Comment closing = out.pool().trailing(end);
        List<Comment> rest = out.pool().rest();
        if (!rest.isEmpty()) {
            out.gap();
            out.comments(1, rest);
        }
        out.close(0, 1, closing == null ? "}" : "}  " + closing.text(), end, end);
        out.comments(0, out.pool().afterEnd());
    }

    private void param(Param p) {
        StringBuilder text =
                new StringBuilder("param ").append(p.name()).append(": ").append(typeLabel(p));
        if (p.defaultValue() != null) {
            text.append(" = ").append(DslStrings.expr(p.defaultValue(), 1));
        }
        if (p.description() != null) {
            text.append(' ').append(DslStrings.text(p.description(), 1));
        }
        out.line(1, text.toString(), line(p.span()), endLine(p.span()));
    }

    /** The DSL name of a param type; {@code number} for doubles, which is what both readers accept. */
    static String typeLabel(Param p) {
        return p.type().kind() == dev.runbook.model.ParamType.Kind.DOUBLE
                ? "number"
                : p.type().label();
    }

    private void guard(int indent, Guard g) {
        String message = g.message() == null ? "" : DslStrings.expr(g.message(), indent) + ": ";
        out.line(
                indent,
                "require " + message + DslStrings.expr(g.condition(), indent),
                line(g.span()),
                endLine(g.span()));
    }

    private void parallel(Parallel p) {
        out.line(1, "parallel {", line(p.span()), line(p.span()));
        steps(2, p.steps());
        out.close(1, 2, "}", line(p.span()), endLine(p.span()));
    }

    private void hostBlock(HostBlock h) {
        int from = line(h.span());
        out.line(1, hostHeader(h) + " {", from, from);
        steps(2, h.steps());
        for (Verify v : h.verifies()) {
            out.gap();
            runbookVerify(2, v);
        }
        out.close(1, 2, "}", from, endLine(h.span()));
    }

    /** {@code on TARGET [as ID] [rolling SIZES] [max_failures N] [undo_all]}: {@code as} only when it differs. */
    static String hostHeader(HostBlock h) {
        StringBuilder text = new StringBuilder("on ").append(h.target());
        if (!h.id().equals(h.target())) {
            text.append(" as ").append(h.id());
        }
        if (h.rolling().size() == 1) {
            text.append(" rolling ").append(h.rolling().get(0));
        } else if (!h.rolling().isEmpty()) {
            text.append(" rolling [")
                    .append(String.join(
                            ", ", h.rolling().stream().map(Batch::toString).toList()))
                    .append(']');
        }
        if (h.maxFailures() != null) {
            text.append(" max_failures ").append(h.maxFailures());
        }
        if (h.undoAll()) {
            text.append(" undo_all");
        }
        return text.toString();
    }

    private void block(String keyword, int token, List<Step> steps, int start, int end) {
        if (steps.isEmpty()) {
            return;
        }
        int[] r = comments.blockRange(token, start, end);
        out.gap();
        out.line(1, keyword + " {", from(r), from(r));
        steps(2, steps);
        out.close(1, 2, "}", from(r), to(r));
    }

    private void invariants(List<Invariant> invariants, int start, int end) {
        if (invariants.isEmpty()) {
            return;
        }
        int[] r = comments.blockRange(RunbookLexer.INVARIANT, start, end);
        out.gap();
        out.line(1, "invariant {", from(r), from(r));
        for (Invariant inv : invariants) {
            String compare = inv.compare().isEmpty()
                    ? ""
                    : " compare "
                            + String.join(
                                    ", ",
                                    inv.compare().stream().map(NameRef::name).toList());
            invocations.print(2, "step " + inv.id() + " = ", inv.probe(), line(inv.span()), compare);
        }
        out.close(1, 2, "}", from(r), to(r));
    }

    private void steps(int indent, List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                out.gap();
            }
            step(indent, steps.get(i));
        }
    }

    private void step(int indent, Step s) {
        invocations.print(indent, "step " + s.id() + " = ", s.invocation(), line(s.span()), "");
        int in = indent + 1;
        clause(in, "when ", s.when());
        clause(in, "unless ", s.unless());
        s.requires().forEach(g -> guard(in, g));
        if (!s.needs().isEmpty()) {
            List<NameRef> needs = s.needs();
            out.line(
                    in,
                    "needs "
                            + String.join(
                                    ", ", needs.stream().map(NameRef::name).toList()),
                    line(needs.get(0).span()),
                    endLine(needs.get(needs.size() - 1).span()));
        }
        if (s.confirm() != null) {
            out.line(
                    in,
                    "confirm " + DslStrings.expr(s.confirm().message(), in),
                    line(s.confirm().span()),
                    endLine(s.confirm().span()));
        }
        clause(in, "timeout ", s.timeout());
        if (s.retry() != null) {
            out.line(
                    in,
                    retry(s.retry()),
                    line(s.retry().span()),
                    endLine(s.retry().span()));
        }
        for (Verify v : s.verifies()) {
            out.line(in, "verify " + DslStrings.expr(v.condition(), in) + within(v), line(v.span()), endLine(v.span()));
        }
        if (s.undo() != null) {
            invocations.print(in, "undo ", s.undo(), line(s.undo().span()), "");
        }
        if (s.onFailure() != null) {
            int[] r = comments.clauseRange(
                    RunbookLexer.ON_FAILURE, line(s.span()), endLine(s.span()), DslInvocations.NAME_TOKENS);
            out.line(in, "on_failure " + s.onFailure().keyword(), from(r), to(r));
        }
    }

    private void clause(int indent, String keyword, Expr e) {
        if (e != null) {
            out.line(indent, keyword + DslStrings.expr(e, indent), line(e.span()), endLine(e.span()));
        }
    }

    private static String retry(Retry r) {
        StringBuilder text = new StringBuilder("retry ").append(ExprPrinter.print(r.attempts()));
        if (r.delay() != null) {
            text.append(" delay ").append(ExprPrinter.print(r.delay()));
        }
        if (r.backoff() != null) {
            text.append(" backoff ").append(ExprPrinter.print(r.backoff()));
        }
        return text.toString();
    }

    private static String within(Verify v) {
        if (v.within() == null) {
            return "";
        }
        return " within " + ExprPrinter.print(v.within())
                + (v.every() == null ? "" : " every " + ExprPrinter.print(v.every()));
    }

    private void runbookVerify(int indent, Verify v) {
        String head = "verify " + ExprPrinter.quote(v.name() == null ? "" : v.name()) + " ";
        String condition = DslStrings.expr(v.condition(), indent + 1) + within(v);
        if (v.probe() == null) {
            out.line(indent, head + condition, line(v.span()), endLine(v.span()));
            return;
        }
        invocations.print(indent, head, v.probe(), line(v.span()), "");
        int from = Math.max(invocationEnd(v.probe()) + 1, line(v.condition().span()));
        out.line(indent + 1, "expect " + condition, from, Math.max(from, endLine(v.span())));
    }

    /** The line the first member starts on: a comment at its end is the member's, not the runbook header's. */
    static int firstMemberLine(Runbook rb) {
        List<Span> spans = new java.util.ArrayList<>();
        rb.params().forEach(p -> spans.add(p.span()));
        rb.requires().forEach(g -> spans.add(g.span()));
        rb.items().forEach(i -> spans.add(i.span()));
        rb.verifies().forEach(v -> spans.add(v.span()));
        rb.invariants().forEach(i -> spans.add(i.span()));
        rb.finallySteps().forEach(s -> spans.add(s.span()));
        rb.onFailureSteps().forEach(s -> spans.add(s.span()));
        if (rb.lock() != null) {
            spans.add(rb.lock().span());
        }
        return spans.stream()
                .filter(java.util.Objects::nonNull)
                .mapToInt(DslPrinter::line)
                .min()
                .orElse(-1);
    }

    /**
     * The last line of an invocation: its closing brace in the DSL; in YAML, whose invocation spans the whole step
     * mapping, the end of its last argument (or its type), so the comments of the step's other keys stay theirs.
     */
    static int invocationEnd(Invocation inv) {
        if (inv.span() == null || !inv.span().file().isYaml()) {
            return endLine(inv.span());
        }
        int end = Math.max(endLine(inv.typeSpan()), endLine(inv.targetSpan()));
        for (dev.runbook.model.Arg a : inv.args()) {
            end = Math.max(end, endLine(a.value().span()));
        }
        return end;
    }

    static int line(Span span) {
        return span == null ? -1 : span.start().line();
    }

    static int endLine(Span span) {
        return span == null ? -1 : span.end().line();
    }

    private static int from(int[] range) {
        return range == null ? -1 : range[0];
    }

    private static int to(int[] range) {
        return range == null ? -1 : range[1];
    }
}
