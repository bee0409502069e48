package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.expr.Scope;
import dev.runbook.expr.TypeChecker;
import dev.runbook.model.Arg;
import dev.runbook.model.Guard;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Invocation;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.model.Type;
import dev.runbook.model.Verify;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.model.expr.Literal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Type-checks every expression in the scope where it runs: guards and verifies must be bools (RB0120), clause
 * values must have their type (RB0126) and sense (RB0150), names and step references must exist, and outputs
 * must exist by the time they are read (RB0116).
 */
public final class ExpressionsRule implements Rule {
    @Override
    public void check(CheckContext context) {
        Runbook rb = context.runbook();
        Diagnostics d = context.diagnostics();
        Scope top = context.scope(null);
        if (rb.lock() != null) {
            value(rb.lock(), Type.STRING, "lock", top, d);
        }
        for (Guard g : rb.requires()) {
            TypeChecker.checkCondition(g.condition(), "a require", top, d);
            if (g.message() != null) {
                value(g.message(), Type.STRING, "a require's message", top, d);
            }
        }
        // computed once: per step they made a 10,000-step check quadratic
        Set<String> later = new HashSet<>();
        rb.finallySteps().forEach(f -> later.add(f.id()));
        rb.onFailureSteps().forEach(f -> later.add(f.id()));
        List<Step> main = rb.steps();
        main.forEach(m -> later.remove(m.id()));
        for (Step s : main) {
            step(context, s, later);
        }
        for (Step s : rb.finallySteps()) {
            step(context, s, Set.of());
        }
        for (Step s : rb.onFailureSteps()) {
            step(context, s, Set.of());
        }
        for (Verify v : rb.verifies()) {
            runbookVerify(context, v, HostBoundary.wrap(context, null, "verify `" + v.name() + "`", context.scope("")));
        }
        for (HostBlock h : rb.hostBlocks()) {
            for (Verify v : h.verifies()) {
                runbookVerify(
                        context, v, HostBoundary.wrap(context, h, "verify `" + v.name() + "`", context.blockScope(h)));
            }
        }
    }

    /** A verify with a name (of the runbook, or the health gate of an {@code on} block), in {@code scope}. */
    private static void runbookVerify(CheckContext context, Verify v, Scope scope) {
        Diagnostics d = context.diagnostics();
        Map<String, Type> it = null;
        if (v.probe() != null) {
            args(v.probe(), scope.withIt(null), d);
            it = context.type(v.probe().type()).map(t -> outputsOf(context, t)).orElse(Map.of());
        }
        TypeChecker.checkCondition(v.condition(), "a verify", it == null ? scope : scope.withIt(it), d);
        polling(v, scope, d);
    }

    private static Map<String, Type> outputsOf(CheckContext context, dev.runbook.spi.StepType t) {
        Map<String, Type> out = new java.util.LinkedHashMap<>();
        t.outputs().forEach(o -> out.put(o.name(), o.type()));
        return out;
    }

    /** {@code later}: ids of finally/on_failure steps that a main step cannot read (empty for those steps). */
    private void step(CheckContext context, Step s, Set<String> later) {
        Diagnostics d = context.diagnostics();
        Scope own =
                HostBoundary.wrap(context, context.hostBlockOf(s.id()), "step `" + s.id() + "`", context.scope(s.id()));
        Scope after = readable(own, s, later, true, d);
        Scope scope = readable(own, s, later, false, d);
        Map<String, Type> outputs = context.outputs(s);
        args(s.invocation(), scope, d);
        if (s.when() != null) {
            TypeChecker.checkCondition(s.when(), "`when`", scope, d);
        }
        if (s.unless() != null) {
            TypeChecker.checkCondition(s.unless(), "`unless`", scope, d);
        }
        for (Guard g : s.requires()) {
            TypeChecker.checkCondition(g.condition(), "a require", scope, d);
            if (g.message() != null) {
                value(g.message(), Type.STRING, "a require's message", scope, d);
            }
        }
        for (Verify v : s.verifies()) {
            TypeChecker.checkCondition(v.condition(), "a verify", after.withIt(outputs), d);
            polling(v, scope, d);
        }
        if (s.retry() != null) {
            positiveInt(s.retry().attempts(), "retry attempts", scope, d);
            if (s.retry().delay() != null) {
                positiveDuration(s.retry().delay(), "retry delay", scope, d, true);
            }
            if (s.retry().backoff() != null) {
                value(s.retry().backoff(), Type.DOUBLE, "retry backoff", scope, d);
            }
        }
        if (s.timeout() != null) {
            positiveDuration(s.timeout(), "timeout", scope, d, false);
        }
        if (s.confirm() != null) {
            value(s.confirm().message(), Type.STRING, "confirm", scope, d);
        }
        if (s.undo() != null) {
            args(s.undo(), after.withIt(outputs), d);
        }
    }

    /**
     * RB0116: outputs that cannot exist when the expression runs: the step's own before it ran ({@code ran} false:
     * its arguments and guards), or, from a main step, those of a finally or on_failure step, which run later.
     */
    private static Scope readable(Scope scope, Step s, Set<String> later, boolean ran, Diagnostics d) {
        java.util.function.BiConsumer<String, dev.runbook.source.Span> next = scope.onStepRef();
        return scope.withStepRefs((id, span) -> {
            if (!ran && id.equals(s.id())) {
                d.add(Diagnostic.error("RB0116", span, "step `" + s.id() + "` reads its own outputs before it runs")
                        .withHint("read them in a verify, as `it`"));
            } else if (later.contains(id)) {
                d.error(
                        "RB0116",
                        span,
                        "step `" + s.id() + "` reads `steps." + id + "`, which only runs after the "
                                + "main steps (finally or on_failure)");
            }
            next.accept(id, span);
        });
    }

    private static void args(Invocation inv, Scope scope, Diagnostics d) {
        for (Arg a : inv.args()) {
            TypeChecker.check(a.value(), scope, d);
        }
    }

    private static void polling(Verify v, Scope scope, Diagnostics d) {
        if (v.within() != null) {
            positiveDuration(v.within(), "within", scope, d, false);
        }
        if (v.every() != null) {
            positiveDuration(v.every(), "every", scope, d, false);
        }
    }

    private static void value(Expr e, Type wanted, String what, Scope scope, Diagnostics d) {
        Type t = TypeChecker.check(e, scope, d);
        boolean ok = wanted == Type.STRING ? t != Type.LIST && t != Type.MAP : wanted.accepts(t) && t != Type.NULL;
        if (!ok) {
            d.add(Diagnostic.error(
                    "RB0126",
                    e.span(),
                    what + " must be " + wanted.a() + ", but `" + ExprPrinter.print(e) + "` is " + t.a()));
        }
    }

    private static void positiveDuration(Expr e, String what, Scope scope, Diagnostics d, boolean zeroOk) {
        Type t = TypeChecker.check(e, scope, d);
        if (t != Type.DURATION && t != Type.ANY) {
            d.add(Diagnostic.error(
                            "RB0126",
                            e.span(),
                            what + " must be a duration, but `" + ExprPrinter.print(e) + "` is " + t.a())
                    .withHint("write a duration such as 30s, 5m or 250ms"));
        } else if (e instanceof Literal lit && lit.value() instanceof Duration dur && dur.isZero() && !zeroOk) {
            d.error("RB0150", e.span(), what + " must be longer than 0s");
        }
    }

    private static void positiveInt(Expr e, String what, Scope scope, Diagnostics d) {
        Type t = TypeChecker.check(e, scope, d);
        if (t != Type.INT && t != Type.ANY) {
            d.error("RB0126", e.span(), what + " must be an int, but `" + ExprPrinter.print(e) + "` is " + t.a());
        } else if (e instanceof Literal lit && lit.value() instanceof Long n && (n < 1 || n > 100)) {
            d.error("RB0150", e.span(), what + " must be between 1 and 100, not " + n);
        }
    }
}
