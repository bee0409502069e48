package dev.runbook.check.lint;

import dev.runbook.model.expr.Binary;
import dev.runbook.model.expr.Call;
import dev.runbook.model.expr.Conditional;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.Index;
import dev.runbook.model.expr.Interpolated;
import dev.runbook.model.expr.ListExpr;
import dev.runbook.model.expr.Literal;
import dev.runbook.model.expr.MapExpr;
import dev.runbook.model.expr.Member;
import dev.runbook.model.expr.Unary;
import java.util.List;
import java.util.function.Consumer;

/** The string literals written inside an expression, template parts included. */
final class StringLiterals {
    private StringLiterals() {}

    static void each(Expr e, Consumer<Literal> out) {
        if (e == null) {
            return;
        }
        if (e instanceof Literal l) {
            if (l.value() instanceof String) {
                out.accept(l);
            }
        } else if (e instanceof Interpolated i) {
            all(i.parts(), out);
        } else if (e instanceof ListExpr l) {
            all(l.items(), out);
        } else if (e instanceof MapExpr m) {
            m.entries().forEach(entry -> each(entry.value(), out));
        } else if (e instanceof Call c) {
            all(c.args(), out);
        } else if (e instanceof Binary b) {
            each(b.left(), out);
            each(b.right(), out);
        } else if (e instanceof Conditional c) {
            all(List.of(c.condition(), c.then(), c.otherwise()), out);
        } else if (e instanceof Unary u) {
            each(u.operand(), out);
        } else if (e instanceof Member m) {
            each(m.target(), out);
        } else if (e instanceof Index x) {
            each(x.target(), out);
            each(x.index(), out);
        }
    }

    private static void all(List<Expr> items, Consumer<Literal> out) {
        items.forEach(x -> each(x, out));
    }

    /** Whether the expression is text written out in full: a string literal or a template with no {@code ${}}. */
    static boolean literalText(Expr e) {
        if (e instanceof Literal l) {
            return l.value() instanceof String;
        }
        return e instanceof Interpolated i && i.parts().stream().allMatch(StringLiterals::literalText);
    }
}
