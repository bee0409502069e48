package dev.runbook.check;

import dev.runbook.model.Arg;
import dev.runbook.model.Guard;
import dev.runbook.model.Invocation;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.Binary;
import dev.runbook.model.expr.Call;
import dev.runbook.model.expr.Conditional;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.ExprVisitor;
import dev.runbook.model.expr.Index;
import dev.runbook.model.expr.Interpolated;
import dev.runbook.model.expr.Invalid;
import dev.runbook.model.expr.ListExpr;
import dev.runbook.model.expr.Literal;
import dev.runbook.model.expr.MapExpr;
import dev.runbook.model.expr.Member;
import dev.runbook.model.expr.Ref;
import dev.runbook.model.expr.Unary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Walks expressions: every bare name used, and every expression written in a runbook. */
public final class Refs implements ExprVisitor<Void> {
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private final Set<String> names;

    private Refs(Set<String> names) {
        this.names = names;
    }

    public static void collect(Expr e, Set<String> into) {
        if (e != null) {
            e.accept(new Refs(into));
        }
    }

    /** Every expression of a runbook, in file order. */
    public static List<Expr> all(Runbook rb) {
        List<Expr> out = new ArrayList<>();
        Consumer<Expr> add = e -> {
            if (e != null) {
                out.add(e);
            }
        };
        rb.params().forEach(p -> add.accept(p.defaultValue()));
        add.accept(rb.lock());
        rb.requires().forEach(g -> {
            add.accept(g.condition());
            if (g.message() != null) {
                add.accept(g.message());
            }
        });
        for (Step s : rb.allSteps()) {
            step(s, add);
        }
        for (Verify v : rb.verifies()) {
            verify(v, add);
        }
        rb.hostBlocks().forEach(h -> h.verifies().forEach(v -> verify(v, add)));
        rb.invariants().forEach(i -> invocation(i.probe(), add));
        return out;
    }

    public static void step(Step s, Consumer<Expr> add) {
        invocation(s.invocation(), add);
        add.accept(s.when());
        add.accept(s.unless());
        s.requires().forEach((Guard g) -> {
            add.accept(g.condition());
            if (g.message() != null) {
                add.accept(g.message());
            }
        });
        s.verifies().forEach(v -> verify(v, add));
        if (s.retry() != null) {
            add.accept(s.retry().attempts());
            add.accept(s.retry().delay());
            add.accept(s.retry().backoff());
        }
        add.accept(s.timeout());
        if (s.confirm() != null) {
            add.accept(s.confirm().message());
        }
        if (s.undo() != null) {
            invocation(s.undo(), add);
        }
    }

    private static void verify(Verify v, Consumer<Expr> add) {
        if (v.probe() != null) {
            invocation(v.probe(), add);
        }
        add.accept(v.condition());
        add.accept(v.within());
        add.accept(v.every());
    }

    private static void invocation(Invocation inv, Consumer<Expr> add) {
        inv.args().forEach((Arg a) -> add.accept(a.value()));
    }

    @Override
    public Void visitLiteral(Literal e) {
        return null;
    }

    /** Its words may be names: counted as used, so the syntax error is not followed by an unused-param warning. */
    @Override
    public Void visitInvalid(Invalid e) {
        Matcher words = WORD.matcher(e.text());
        while (words.find()) {
            names.add(words.group());
        }
        return null;
    }

    @Override
    public Void visitRef(Ref e) {
        names.add(e.name());
        return null;
    }

    @Override
    public Void visitMember(Member e) {
        return e.target().accept(this);
    }

    @Override
    public Void visitIndex(Index e) {
        e.target().accept(this);
        return e.index().accept(this);
    }

    @Override
    public Void visitUnary(Unary e) {
        return e.operand().accept(this);
    }

    @Override
    public Void visitBinary(Binary e) {
        e.left().accept(this);
        return e.right().accept(this);
    }

    @Override
    public Void visitConditional(Conditional e) {
        e.condition().accept(this);
        e.then().accept(this);
        return e.otherwise().accept(this);
    }

    @Override
    public Void visitCall(Call e) {
        e.args().forEach(a -> a.accept(this));
        return null;
    }

    @Override
    public Void visitInterpolated(Interpolated e) {
        e.parts().forEach(a -> a.accept(this));
        return null;
    }

    @Override
    public Void visitList(ListExpr e) {
        e.items().forEach(a -> a.accept(this));
        return null;
    }

    @Override
    public Void visitMap(MapExpr e) {
        e.entries().forEach(a -> a.value().accept(this));
        return null;
    }
}
