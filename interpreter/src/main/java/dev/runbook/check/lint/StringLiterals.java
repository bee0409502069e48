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

/** The string literals written inside an expression, template parts included; and a walk over every node. */
final class StringLiterals {
    private StringLiterals() {}

    static void each(Expr e, Consumer<Literal> out) {
        walk(e, x -> {
            if (x instanceof Literal l && l.value() instanceof String) {
                out.accept(l);
            }
        });
    }

    /** Every node of the expression, parents before their parts. */
    static void walk(Expr e, Consumer<Expr> out) {
        if (e == null) {
            return;
        }
        out.accept(e);
        if (e instanceof Interpolated i) {
            all(i.parts(), out);
        } else if (e instanceof ListExpr l) {
            all(l.items(), out);
        } else if (e instanceof MapExpr m) {
            m.entries().forEach(entry -> walk(entry.value(), out));
        } else if (e instanceof Call c) {
            all(c.args(), out);
        } else if (e instanceof Binary b) {
            walk(b.left(), out);
            walk(b.right(), out);
        } else if (e instanceof Conditional c) {
            all(List.of(c.condition(), c.then(), c.otherwise()), out);
        } else if (e instanceof Unary u) {
            walk(u.operand(), out);
        } else if (e instanceof Member m) {
            walk(m.target(), out);
        } else if (e instanceof Index x) {
            walk(x.target(), out);
            walk(x.index(), out);
        }
    }

    private static void all(List<Expr> items, Consumer<Expr> out) {
        items.forEach(x -> walk(x, out));
    }

    /** Whether the expression is text written out in full: a string literal or a template with no {@code ${}}. */
    static boolean literalText(Expr e) {
        if (e instanceof Literal l) {
            return l.value() instanceof String;
        }
        return e instanceof Interpolated i && i.parts().stream().allMatch(StringLiterals::literalText);
    }
}
