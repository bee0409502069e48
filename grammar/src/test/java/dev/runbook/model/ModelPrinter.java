package dev.runbook.model;

import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.model.expr.Interpolated;
import dev.runbook.model.expr.Literal;
import java.util.List;

/**
 * Test-only: prints every field of a model except spans, one per line, so two front-ends can be compared. Literals
 * print with their Java type, so the int 3 and the string "3" differ.
 */
public final class ModelPrinter {
    private final StringBuilder out = new StringBuilder();

    private ModelPrinter() {}

    public static String print(Runbook r) {
        ModelPrinter p = new ModelPrinter();
        p.runbook(r);
        return p.out.toString();
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }

    private void runbook(Runbook r) {
        line(0, "runbook " + r.name());
        line(1, "description " + r.description());
        for (Param p : r.params()) {
            line(
                    1,
                    "param " + p.name() + ": " + p.type().label() + " = " + expr(p.defaultValue()) + " description="
                            + p.description());
        }
        line(1, "lock " + expr(r.lock()));
        guards(1, r.requires());
        for (Item item : r.items()) {
            if (item instanceof Step s) {
                step(1, s);
            } else if (item instanceof Parallel p) {
                line(1, "parallel");
                p.steps().forEach(s -> step(2, s));
            } else if (item instanceof HostBlock h) {
                line(
                        1,
                        "on " + h.target() + " as " + h.id() + " rolling " + h.rolling() + " max_failures "
                                + h.maxFailures() + " undo_all " + h.undoAll());
                h.steps().forEach(s -> step(2, s));
                verifies(2, h.verifies());
            }
        }
        line(1, "finally");
        r.finallySteps().forEach(s -> step(2, s));
        line(1, "on_failure");
        r.onFailureSteps().forEach(s -> step(2, s));
        verifies(1, r.verifies());
    }

    private void step(int indent, Step s) {
        line(indent, "step " + s.id() + " = " + invocation(s.invocation()));
        line(indent + 1, "when " + expr(s.when()));
        line(indent + 1, "unless " + expr(s.unless()));
        guards(indent + 1, s.requires());
        verifies(indent + 1, s.verifies());
        Retry r = s.retry();
        line(
                indent + 1,
                "retry "
                        + (r == null
                                ? "-"
                                : expr(r.attempts()) + " delay " + expr(r.delay()) + " backoff " + expr(r.backoff())));
        line(indent + 1, "timeout " + expr(s.timeout()));
        line(
                indent + 1,
                "confirm " + (s.confirm() == null ? "-" : expr(s.confirm().message())));
        line(indent + 1, "undo " + (s.undo() == null ? "-" : invocation(s.undo())));
        line(indent + 1, "on_failure " + s.onFailure());
        line(indent + 1, "needs " + s.needs().stream().map(NameRef::name).toList());
    }

    private void guards(int indent, List<Guard> guards) {
        guards.forEach(g -> line(
                indent, "require " + (g.message() == null ? "-" : expr(g.message())) + ": " + expr(g.condition())));
    }

    private void verifies(int indent, List<Verify> verifies) {
        for (Verify v : verifies) {
            line(
                    indent,
                    "verify " + v.name() + " probe " + (v.probe() == null ? "-" : invocation(v.probe())) + " expect "
                            + expr(v.condition()) + " within " + expr(v.within()) + " every " + expr(v.every()));
        }
    }

    private static String invocation(Invocation i) {
        StringBuilder b = new StringBuilder(i.type());
        if (i.target() != null) {
            b.append(' ').append(ExprPrinter.quote(i.target()));
        }
        b.append(" {");
        for (int k = 0; k < i.args().size(); k++) {
            Arg a = i.args().get(k);
            b.append(k == 0 ? "" : ", ").append(a.name()).append(": ").append(expr(a.value()));
        }
        return b.append('}').toString();
    }

    /** The canonical text, plus the Java types of literals so 3 and 3.0 and "3" stay apart. */
    static String expr(Expr e) {
        if (e == null) {
            return "-";
        }
        String types = e instanceof Literal lit
                ? "<" + (lit.value() == null ? "null" : lit.value().getClass().getSimpleName()) + ">"
                : e instanceof Interpolated ? "<interp>" : "";
        return ExprPrinter.print(e) + types;
    }
}
