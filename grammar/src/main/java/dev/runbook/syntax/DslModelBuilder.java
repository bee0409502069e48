package dev.runbook.syntax;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Arg;
import dev.runbook.model.Batch;
import dev.runbook.model.Confirm;
import dev.runbook.model.FailurePolicy;
import dev.runbook.model.Guard;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Invariant;
import dev.runbook.model.Invocation;
import dev.runbook.model.Item;
import dev.runbook.model.NameRef;
import dev.runbook.model.Parallel;
import dev.runbook.model.Param;
import dev.runbook.model.ParamType;
import dev.runbook.model.Retry;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.Literal;
import dev.runbook.syntax.antlr.RunbookParser;
import dev.runbook.syntax.antlr.RunbookParser.StepClauseContext;
import java.util.ArrayList;
import java.util.List;

/** DSL parse tree to model: one createX per rule. */
final class DslModelBuilder {
    private final AntlrPositions positions;
    private final Diagnostics diagnostics;
    private final ExpressionBuilder expressions;

    DslModelBuilder(AntlrPositions positions, Diagnostics diagnostics) {
        this.positions = positions;
        this.diagnostics = diagnostics;
        this.expressions = new ExpressionBuilder(positions, diagnostics);
    }

    Runbook createRunbook(RunbookParser.RunbookDeclContext ctx) {
        String name = expressions.plain(ctx.name);
        String description = null;
        List<Param> params = new ArrayList<>();
        Expr lock = null;
        List<Guard> requires = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<Step> finallySteps = new ArrayList<>();
        List<Step> onFailure = new ArrayList<>();
        List<Verify> verifies = new ArrayList<>();
        List<Invariant> invariants = new ArrayList<>();
        for (RunbookParser.MemberContext m : ctx.member()) {
            if (m instanceof RunbookParser.DescriptionMemberContext d) {
                if (description != null) {
                    duplicate(d, "description");
                }
                description = text(d.text());
            } else if (m instanceof RunbookParser.ParamMemberContext p) {
                params.add(createParam(p));
            } else if (m instanceof RunbookParser.LockMemberContext l) {
                if (lock != null) {
                    duplicate(l, "lock");
                }
                lock = expressions.build(l.expr());
            } else if (m instanceof RunbookParser.RequireMemberContext r) {
                requires.add(createGuard(r.requireClause()));
            } else if (m instanceof RunbookParser.StepMemberContext s) {
                items.add(createStep(s.stepDecl()));
            } else if (m instanceof RunbookParser.ParallelMemberContext p) {
                items.add(new Parallel(createSteps(p.stepDecl()), positions.of(p)));
            } else if (m instanceof RunbookParser.FinallyMemberContext f) {
                finallySteps.addAll(createSteps(f.stepDecl()));
            } else if (m instanceof RunbookParser.OnFailureMemberContext f) {
                onFailure.addAll(createSteps(f.stepDecl()));
            } else if (m instanceof RunbookParser.VerifyMemberContext v) {
                verifies.add(createVerify(v.verifyDecl()));
            } else if (m instanceof RunbookParser.OnMemberContext h) {
                items.add(createHostBlock(h));
            } else if (m instanceof RunbookParser.InvariantMemberContext inv) {
                inv.invariantDecl().forEach(d -> invariants.add(createInvariant(d)));
            }
        }
        return new Runbook(
                name,
                positions.of(ctx.name),
                description,
                params,
                lock,
                requires,
                items,
                finallySteps,
                onFailure,
                verifies,
                invariants,
                positions.file(),
                positions.of(ctx));
    }

    private void duplicate(org.antlr.v4.runtime.ParserRuleContext ctx, String what) {
        diagnostics.error("RB0005", positions.of(ctx), "`" + what + "` is given twice; keep one");
    }

    /** A string or text block as an expression: a literal, or a template with {@code ${...}} parts. */
    private Expr template(RunbookParser.TextContext ctx) {
        return ctx.STRING() != null
                ? expressions.string(ctx.STRING().getSymbol())
                : expressions.textBlock(ctx.TEXT_BLOCK().getSymbol());
    }

    private String text(RunbookParser.TextContext ctx) {
        Expr e = template(ctx);
        if (e instanceof Literal lit && lit.value() instanceof String s) {
            return s;
        }
        // a text with ${...} parts is kept as written (without its quotes), as the YAML reader keeps it
        String raw = ctx.getText();
        return ctx.STRING() != null ? raw.substring(1, raw.length() - 1) : raw.substring(3, raw.length() - 3);
    }

    private Param createParam(RunbookParser.ParamMemberContext ctx) {
        ParamType type = createParamType(ctx.paramType());
        Expr defaultValue = ctx.expr() == null ? null : expressions.build(ctx.expr());
        String description = ctx.text() == null ? null : text(ctx.text());
        return new Param(
                ctx.ident().getText(),
                positions.of(ctx.ident()),
                type,
                positions.of(ctx.paramType()),
                defaultValue,
                description,
                positions.of(ctx));
    }

    private ParamType createParamType(RunbookParser.ParamTypeContext ctx) {
        String name = ctx.ident().getText();
        ParamType.Kind kind = ParamTypes.kind(name);
        if (kind == null) {
            diagnostics.add(ParamTypes.unknown(name, positions.of(ctx.ident())));
            return ParamType.of(ParamType.Kind.STRING);
        }
        List<String> choices = new ArrayList<>();
        ctx.STRING().forEach(t -> choices.add(expressions.plain(t.getSymbol())));
        if (kind == ParamType.Kind.ENUM && choices.isEmpty()) {
            diagnostics.error("RB0004", positions.of(ctx), "enum needs its choices, e.g. enum(\"low\", \"high\")");
        } else if (kind != ParamType.Kind.ENUM && !choices.isEmpty()) {
            diagnostics.error("RB0004", positions.of(ctx), "only enum takes a list of choices");
        }
        return new ParamType(kind, choices);
    }

    private Guard createGuard(RunbookParser.RequireClauseContext ctx) {
        Expr message = ctx.text() == null ? null : template(ctx.text());
        return new Guard(message, expressions.build(ctx.expr()), positions.of(ctx));
    }

    private List<Step> createSteps(List<RunbookParser.StepDeclContext> decls) {
        List<Step> steps = new ArrayList<>();
        decls.forEach(d -> steps.add(createStep(d)));
        return steps;
    }

    Step createStep(RunbookParser.StepDeclContext ctx) {
        StepClauses c = new StepClauses(this);
        for (StepClauseContext clause : ctx.stepClause()) {
            c.add(clause);
        }
        return new Step(
                ctx.ident().getText(),
                positions.of(ctx.ident()),
                createInvocation(ctx.invocation()),
                c.when,
                c.unless,
                c.requires,
                c.verifies,
                c.retry,
                c.timeout,
                c.confirm,
                c.undo,
                c.onFailure,
                c.needs,
                positions.of(ctx));
    }

    Invocation createInvocation(RunbookParser.InvocationContext ctx) {
        if (ctx instanceof RunbookParser.CallInvocationContext call) {
            String target = expressions.plain(call.STRING().getSymbol());
            return new Invocation(
                    Invocation.CALL,
                    positions.of(call.CALL().getSymbol()),
                    target,
                    positions.of(call.STRING().getSymbol()),
                    createArgs(call.argBlock()),
                    positions.of(ctx));
        }
        RunbookParser.TypeInvocationContext type = (RunbookParser.TypeInvocationContext) ctx;
        return new Invocation(
                type.qualifiedName().getText(),
                positions.of(type.qualifiedName()),
                null,
                null,
                createArgs(type.argBlock()),
                positions.of(ctx));
    }

    private List<Arg> createArgs(RunbookParser.ArgBlockContext ctx) {
        List<Arg> args = new ArrayList<>();
        if (ctx == null) {
            return args;
        }
        for (RunbookParser.ArgContext a : ctx.arg()) {
            args.add(new Arg(expressions.key(a.key()), positions.of(a.key()), expressions.build(a.expr())));
        }
        return args;
    }

    private HostBlock createHostBlock(RunbookParser.OnMemberContext ctx) {
        List<Step> steps = new ArrayList<>();
        List<Verify> verifies = new ArrayList<>();
        for (org.antlr.v4.runtime.tree.ParseTree child : ctx.children) {
            if (child instanceof RunbookParser.StepDeclContext s) {
                steps.add(createStep(s));
            } else if (child instanceof RunbookParser.VerifyDeclContext v) {
                verifies.add(createVerify(v));
            }
        }
        List<Batch> rolling = new ArrayList<>();
        if (ctx.rolling() != null) {
            ctx.rolling().batchSize().forEach(b -> rolling.add(createBatch(b)));
        }
        RunbookParser.IdentContext id = ctx.id == null ? ctx.target : ctx.id;
        return new HostBlock(
                id.getText(),
                positions.of(id),
                ctx.target.getText(),
                positions.of(ctx.target),
                rolling,
                ctx.failures == null ? null : createBatch(ctx.failures),
                ctx.UNDO_ALL() != null,
                steps,
                verifies,
                positions.of(ctx));
    }

    /** Its range (not zero, a percent at most 100) is the checker's, as for sizes read from YAML. */
    private Batch createBatch(RunbookParser.BatchSizeContext ctx) {
        long value;
        try {
            value = Long.parseLong(ctx.INT().getText());
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        if (value > Integer.MAX_VALUE) {
            diagnostics.error(
                    "RB0003", positions.of(ctx), "batch size " + ctx.INT().getText() + " is too large");
            value = Integer.MAX_VALUE;
        }
        if (ctx.PERCENT() != null
                && ctx.PERCENT().getSymbol().getStartIndex()
                        != ctx.INT().getSymbol().getStopIndex() + 1) {
            diagnostics.error(
                    "RB0001",
                    positions.of(ctx.PERCENT().getSymbol()),
                    "write the percent sign right after the number: "
                            + ctx.INT().getText() + "%");
        }
        return new Batch((int) value, ctx.PERCENT() != null, positions.of(ctx));
    }

    private Verify createVerify(RunbookParser.VerifyDeclContext ctx) {
        Invocation probe = ctx.invocation() == null ? null : createInvocation(ctx.invocation());
        Expr within =
                ctx.within() == null ? null : expressions.build(ctx.within().expr(0));
        Expr every = ctx.within() == null || ctx.within().expr().size() < 2
                ? null
                : expressions.build(ctx.within().expr(1));
        return new Verify(
                expressions.plain(ctx.name), probe, expressions.build(ctx.expr()), within, every, positions.of(ctx));
    }

    private Invariant createInvariant(RunbookParser.InvariantDeclContext ctx) {
        List<NameRef> compare = new ArrayList<>();
        ctx.ident().stream().skip(1).forEach(id -> compare.add(new NameRef(id.getText(), positions.of(id))));
        return new Invariant(
                ctx.ident(0).getText(),
                positions.of(ctx.ident(0)),
                createInvocation(ctx.invocation()),
                compare,
                positions.of(ctx));
    }

    /** The clauses of one step, each allowed once except require and verify. */
    private static final class StepClauses {
        private final DslModelBuilder b;
        Expr when;
        Expr unless;
        List<Guard> requires = new ArrayList<>();
        List<Verify> verifies = new ArrayList<>();
        Retry retry;
        Expr timeout;
        Confirm confirm;
        Invocation undo;
        FailurePolicy onFailure;
        List<NameRef> needs = new ArrayList<>();

        StepClauses(DslModelBuilder builder) {
            this.b = builder;
        }

        void add(StepClauseContext clause) {
            ExpressionBuilder x = b.expressions;
            if (clause instanceof RunbookParser.WhenClauseContext w) {
                when = once(when, w, "when", x.build(w.expr()));
            } else if (clause instanceof RunbookParser.UnlessClauseContext u) {
                unless = once(unless, u, "unless", x.build(u.expr()));
            } else if (clause instanceof RunbookParser.RequireStepClauseContext r) {
                requires.add(b.createGuard(r.requireClause()));
            } else if (clause instanceof RunbookParser.VerifyClauseContext v) {
                Expr within = v.within() == null ? null : x.build(v.within().expr(0));
                Expr every = v.within() == null || v.within().expr().size() < 2
                        ? null
                        : x.build(v.within().expr(1));
                verifies.add(new Verify(null, null, x.build(v.expr()), within, every, b.positions.of(v)));
            } else if (clause instanceof RunbookParser.RetryClauseContext r) {
                Expr delay = r.DELAY() == null ? null : x.build(r.expr(1));
                Expr backoff =
                        r.BACKOFF() == null ? null : x.build(r.expr(r.expr().size() - 1));
                retry = once(retry, r, "retry", new Retry(x.build(r.expr(0)), delay, backoff, b.positions.of(r)));
            } else if (clause instanceof RunbookParser.TimeoutClauseContext t) {
                timeout = once(timeout, t, "timeout", x.build(t.expr()));
            } else if (clause instanceof RunbookParser.ConfirmClauseContext c) {
                confirm = once(confirm, c, "confirm", new Confirm(x.build(c.expr()), b.positions.of(c)));
            } else if (clause instanceof RunbookParser.UndoClauseContext u) {
                undo = once(undo, u, "undo", b.createInvocation(u.invocation()));
            } else if (clause instanceof RunbookParser.OnFailureClauseContext f) {
                onFailure = once(onFailure, f, "on_failure", policy(f));
            } else if (clause instanceof RunbookParser.NeedsClauseContext n) {
                n.ident().forEach(id -> needs.add(new NameRef(id.getText(), b.positions.of(id))));
            }
        }

        private FailurePolicy policy(RunbookParser.OnFailureClauseContext f) {
            FailurePolicy p = FailurePolicy.parse(f.ident().getText());
            if (p == null) {
                b.diagnostics.error(
                        "RB0006",
                        b.positions.of(f.ident()),
                        "unknown on_failure policy `" + f.ident().getText() + "`; use undo, continue or stop");
                return FailurePolicy.UNDO;
            }
            return p;
        }

        private <T> T once(T existing, org.antlr.v4.runtime.ParserRuleContext ctx, String what, T value) {
            if (existing != null) {
                b.duplicate(ctx, what);
            }
            return value;
        }
    }
}
