package dev.runbook.syntax;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.expr.Binary;
import dev.runbook.model.expr.Call;
import dev.runbook.model.expr.Conditional;
import dev.runbook.model.expr.Durations;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.Index;
import dev.runbook.model.expr.Invalid;
import dev.runbook.model.expr.ListExpr;
import dev.runbook.model.expr.Literal;
import dev.runbook.model.expr.MapExpr;
import dev.runbook.model.expr.Member;
import dev.runbook.model.expr.Ref;
import dev.runbook.model.expr.Unary;
import dev.runbook.source.Span;
import dev.runbook.syntax.antlr.RunbookParser;
import dev.runbook.syntax.antlr.RunbookParser.ExprContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Parse tree to expression AST: one createX per alternative, every node stamped with its span. */
final class ExpressionBuilder {
    private final AntlrPositions positions;
    private final Diagnostics diagnostics;

    ExpressionBuilder(AntlrPositions positions, Diagnostics diagnostics) {
        this.positions = positions;
        this.diagnostics = diagnostics;
    }

    /** How deep {@link #build} has recursed: a long operator chain is a left-deep tree, one level per operator. */
    private int depth;

    Expr build(ExprContext ctx) {
        if (depth >= NestingLimit.MAX_CHAIN) {
            diagnostics.error(
                    SyntaxErrors.CODE,
                    positions.of(ctx),
                    "the expression chains more than " + NestingLimit.MAX_CHAIN + " operators; split it");
            return new Invalid(ctx.getText(), positions.of(ctx));
        }
        depth++;
        try {
            return create(ctx);
        } finally {
            depth--;
        }
    }

    private Expr create(ExprContext ctx) {
        Span span = positions.of(ctx);
        if (ctx instanceof RunbookParser.PrimaryExprContext p) {
            return createPrimary(p.primary());
        }
        if (ctx instanceof RunbookParser.MemberExprContext m) {
            return new Member(build(m.expr()), m.ident().getText(), span);
        }
        if (ctx instanceof RunbookParser.IndexExprContext i) {
            return new Index(build(i.expr(0)), build(i.expr(1)), span);
        }
        if (ctx instanceof RunbookParser.UnaryExprContext u) {
            return createUnary(u, span);
        }
        if (ctx instanceof RunbookParser.MulExprContext b) {
            return new Binary(b.op.getText(), build(b.expr(0)), build(b.expr(1)), span);
        }
        if (ctx instanceof RunbookParser.AddExprContext b) {
            return new Binary(b.op.getText(), build(b.expr(0)), build(b.expr(1)), span);
        }
        if (ctx instanceof RunbookParser.RelExprContext b) {
            return new Binary(b.op.getText(), build(b.expr(0)), build(b.expr(1)), span);
        }
        if (ctx instanceof RunbookParser.AndExprContext b) {
            return new Binary("&&", build(b.expr(0)), build(b.expr(1)), span);
        }
        if (ctx instanceof RunbookParser.OrExprContext b) {
            return new Binary("||", build(b.expr(0)), build(b.expr(1)), span);
        }
        RunbookParser.CondExprContext c = (RunbookParser.CondExprContext) ctx;
        return new Conditional(build(c.expr(0)), build(c.expr(1)), build(c.expr(2)), span);
    }

    private Expr createUnary(RunbookParser.UnaryExprContext u, Span span) {
        if (u.op.getType() == RunbookParser.MINUS
                && u.expr() instanceof RunbookParser.PrimaryExprContext p
                && p.primary() instanceof RunbookParser.IntExprContext i) {
            return integer("-" + i.getText(), span); // -9223372036854775808 is an int64, its digits alone are not
        }
        Expr operand = build(u.expr());
        if (u.op.getType() == RunbookParser.MINUS && operand instanceof Literal lit) {
            if (lit.value() instanceof Long n && n != Long.MIN_VALUE) {
                return new Literal(-n, span);
            }
            if (lit.value() instanceof Double d) {
                return new Literal(-d, span);
            }
        }
        return new Unary(u.op.getText(), operand, span);
    }

    private Expr createPrimary(RunbookParser.PrimaryContext ctx) {
        Span span = positions.of(ctx);
        if (ctx instanceof RunbookParser.CallExprContext c) {
            List<Expr> args = new ArrayList<>();
            c.expr().forEach(e -> args.add(build(e)));
            return new Call(c.ident().getText(), args, span);
        }
        if (ctx instanceof RunbookParser.RefExprContext r) {
            return new Ref(r.getText(), span);
        }
        if (ctx instanceof RunbookParser.ParenExprContext p) {
            return build(p.expr());
        }
        if (ctx instanceof RunbookParser.ListExprContext l) {
            List<Expr> items = new ArrayList<>();
            l.expr().forEach(e -> items.add(build(e)));
            return new ListExpr(items, span);
        }
        if (ctx instanceof RunbookParser.MapExprContext m) {
            List<MapExpr.Entry> entries = new ArrayList<>();
            for (RunbookParser.MapEntryContext e : m.mapEntry()) {
                entries.add(new MapExpr.Entry(key(e.key()), positions.of(e.key()), build(e.expr())));
            }
            return new MapExpr(entries, span);
        }
        if (ctx instanceof RunbookParser.StringExprContext s) {
            return string(s.STRING().getSymbol());
        }
        if (ctx instanceof RunbookParser.TextBlockExprContext t) {
            return textBlock(t.TEXT_BLOCK().getSymbol());
        }
        if (ctx instanceof RunbookParser.IntExprContext i) {
            return integer(i.getText(), span);
        }
        if (ctx instanceof RunbookParser.FloatExprContext f) {
            return new Literal(Double.parseDouble(f.getText()), span);
        }
        if (ctx instanceof RunbookParser.DurationExprContext d) {
            return new Literal(duration(d.getText(), span), span);
        }
        if (ctx instanceof RunbookParser.BoolExprContext b) {
            return new Literal(Boolean.parseBoolean(b.getText()), span);
        }
        return new Literal(null, span);
    }

    String key(RunbookParser.KeyContext key) {
        if (key.STRING() != null) {
            Expr e = string(key.STRING().getSymbol());
            return e instanceof Literal lit && lit.value() instanceof String s ? s : key.getText();
        }
        return key.getText();
    }

    /** A quoted string, unescaped, with its ${...} parts parsed. */
    Expr string(Token token) {
        String text = token.getText();
        return quoted(
                Templates.parse(
                        positions.file(),
                        positions.base() + token.getStartIndex() + 1,
                        text.substring(1, text.length() - 1),
                        null,
                        true,
                        diagnostics),
                token);
    }

    /** A string value spans its quotes, as written; a string that is exactly one ${expr} keeps that expression's span. */
    private Expr quoted(Expr e, Token token) {
        if (e instanceof Literal lit) {
            return new Literal(lit.value(), positions.of(token));
        }
        if (e instanceof dev.runbook.model.expr.Interpolated i) {
            return new dev.runbook.model.expr.Interpolated(i.parts(), positions.of(token));
        }
        return e;
    }

    /** The plain text of a string that must not hold ${...} (names, descriptions of params). */
    String plain(Token token) {
        Expr e = string(token);
        if (e instanceof Literal lit && lit.value() instanceof String s) {
            return s;
        }
        return dev.runbook.model.expr.ExprPrinter.print(e);
    }

    /** {@code """...""" }: the first line break dropped, common indentation removed, ${...} parts parsed. */
    Expr textBlock(Token token) {
        String text = token.getText();
        String raw = text.substring(3, text.length() - 3);
        Expr e = Templates.parse(
                positions.file(), positions.base() + token.getStartIndex() + 3, raw, null, false, diagnostics);
        return quoted(TextBlocks.dedent(e), token);
    }

    private Expr integer(String text, Span span) {
        try {
            return new Literal(Long.parseLong(text), span);
        } catch (NumberFormatException e) {
            diagnostics.error("RB0003", span, "integer " + text + " is too large");
            return new Literal(0L, span);
        }
    }

    Duration duration(String text, Span span) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            diagnostics.error("RB0003", span, e.getMessage());
            return Duration.ZERO;
        }
    }
}
