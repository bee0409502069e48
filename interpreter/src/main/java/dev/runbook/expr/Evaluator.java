package dev.runbook.expr;

import dev.runbook.model.Unknown;
import dev.runbook.model.expr.Binary;
import dev.runbook.model.expr.Call;
import dev.runbook.model.expr.Conditional;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.ExprPrinter;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Evaluates expressions to plain Java values. A value that depends on something not yet known (an earlier step's
 * outputs, in a plan) is an {@link Unknown} carrying the expression's text; anything built from it is unknown too.
 */
public final class Evaluator implements ExprVisitor<Object> {
    private final Env env;

    private Evaluator(Env env) {
        this.env = env;
    }

    public static Object eval(Expr expr, Env env) {
        return expr.accept(new Evaluator(env));
    }

    /**
     * A condition as far as it can be decided here: its bool, or null when it depends on something unknown (a step's
     * outputs while planning) or cannot be evaluated.
     */
    public static Boolean decided(Expr expr, Env env) {
        try {
            return eval(expr, env) instanceof Boolean b ? b : null;
        } catch (EvalException e) {
            return null;
        }
    }

    /** A condition: true, false, or an EvalException when it is not a bool. Unknown counts as true (plans only). */
    public static boolean test(Expr expr, Env env) {
        Object v = eval(expr, env);
        if (v instanceof Unknown) {
            return true;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new EvalException(
                expr.span(),
                "`" + ExprPrinter.print(expr) + "` gave " + Operators.typeName(v) + " " + Operators.text(v)
                        + ", not a bool");
    }

    @Override
    public Object visitLiteral(Literal e) {
        return e.value();
    }

    @Override
    public Object visitInvalid(Invalid e) {
        throw new IllegalStateException("an expression with a syntax error reached the evaluator: " + e.text());
    }

    @Override
    public Object visitRef(Ref e) {
        if (!env.vars().containsKey(e.name())) {
            throw new EvalException(e.span(), "`" + e.name() + "` is not defined here");
        }
        return env.vars().get(e.name());
    }

    @Override
    public Object visitMember(Member e) {
        Object target = e.target().accept(this);
        if (target instanceof Unknown) {
            return new Unknown(ExprPrinter.print(e));
        }
        if (target instanceof Map<?, ?> map) {
            return entry(map, e.name(), e);
        }
        if (target == null) {
            throw new EvalException(
                    e.span(),
                    "`" + ExprPrinter.print(e.target()) + "` is null, so it has no `" + e.name()
                            + "` (did that step run?)");
        }
        throw new EvalException(
                e.span(),
                "`" + ExprPrinter.print(e.target()) + "` is a " + Operators.typeName(target) + ", not a map with `"
                        + e.name() + "`");
    }

    @Override
    public Object visitIndex(Index e) {
        Object target = e.target().accept(this);
        Object index = e.index().accept(this);
        if (target instanceof Unknown || index instanceof Unknown) {
            return new Unknown(ExprPrinter.print(e));
        }
        if (target instanceof List<?> list) {
            if (!(index instanceof Long i)) {
                throw new EvalException(e.span(), "a list index must be an int, not " + Operators.typeName(index));
            }
            if (i < 0 || i >= list.size()) {
                throw new EvalException(e.span(), "index " + i + " is outside the list (size " + list.size() + ")");
            }
            return list.get(i.intValue());
        }
        if (target instanceof Map<?, ?> map) {
            return entry(map, index, e);
        }
        throw new EvalException(e.span(), "cannot index a " + Operators.typeName(target));
    }

    /** A map's value for a key; a missing key is an error, never null. */
    private static Object entry(Map<?, ?> map, Object key, Expr e) {
        if (!map.containsKey(key)) {
            throw new EvalException(e.span(), "no such key: " + Operators.text(key));
        }
        Object v = map.get(key);
        return v instanceof Unknown ? new Unknown(ExprPrinter.print(e)) : v;
    }

    @Override
    public Object visitUnary(Unary e) {
        Object v = e.operand().accept(this);
        if (v instanceof Unknown) {
            return new Unknown(ExprPrinter.print(e));
        }
        try {
            if ("!".equals(e.op())) {
                return !Operators.bool(v, "the operand of !");
            }
            return Operators.negate(v);
        } catch (IllegalArgumentException | ArithmeticException ex) {
            throw new EvalException(e.span(), ex.getMessage());
        }
    }

    @Override
    public Object visitBinary(Binary e) {
        String op = e.op();
        if ("&&".equals(op) || "||".equals(op)) {
            return logical(e);
        }
        Object left = e.left().accept(this);
        Object right = e.right().accept(this);
        if (left instanceof Unknown || right instanceof Unknown) {
            return new Unknown(ExprPrinter.print(e));
        }
        try {
            return switch (op) {
                case "==" -> Operators.equal(left, right);
                case "!=" -> !Operators.equal(left, right);
                case "<" -> ordered(left, right, c -> c < 0);
                case "<=" -> ordered(left, right, c -> c <= 0);
                case ">" -> ordered(left, right, c -> c > 0);
                case ">=" -> ordered(left, right, c -> c >= 0);
                case "in" -> Operators.in(left, right);
                default -> Operators.arithmetic(op, left, right);
            };
        } catch (IllegalArgumentException | ArithmeticException ex) {
            throw new EvalException(e.span(), ex.getMessage());
        }
    }

    /** A comparison; unordered values (NaN) make every comparison false. */
    private static boolean ordered(Object left, Object right, IntPredicate test) {
        Integer c = Operators.compare(left, right);
        return c != null && test.test(c);
    }

    /**
     * {@code &&} and {@code ||} as CEL has them: a side that decides ({@code false} for {@code &&}, {@code true} for
     * {@code ||}) wins over an error or an unknown on the other side, whichever side it is on; otherwise an unknown
     * side makes the result unknown, and an error (or a side that is not a bool) is the result.
     */
    private Object logical(Binary e) {
        Boolean decides = "||".equals(e.op());
        Object left = side(e.left());
        if (decides.equals(left)) {
            return decides;
        }
        Object right = side(e.right());
        if (decides.equals(right)) {
            return decides;
        }
        if (left instanceof Unknown || right instanceof Unknown) {
            return new Unknown(ExprPrinter.print(e));
        }
        if (left instanceof EvalException ex) {
            throw ex;
        }
        if (right instanceof EvalException ex) {
            throw ex;
        }
        return !decides;
    }

    /** One side of && or ||: a bool, an unknown, or the error it gave (a value that is not a bool is one). */
    private Object side(Expr where) {
        Object v;
        try {
            v = where.accept(this);
        } catch (EvalException ex) {
            return ex;
        }
        if (v instanceof Boolean || v instanceof Unknown) {
            return v;
        }
        return new EvalException(
                where.span(), "`" + ExprPrinter.print(where) + "` is a " + Operators.typeName(v) + ", not a bool");
    }

    private boolean bool(Object v, Expr where) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new EvalException(
                where.span(), "`" + ExprPrinter.print(where) + "` is a " + Operators.typeName(v) + ", not a bool");
    }

    @Override
    public Object visitConditional(Conditional e) {
        Object c = e.condition().accept(this);
        if (c instanceof Unknown) {
            return new Unknown(ExprPrinter.print(e));
        }
        return bool(c, e.condition()) ? e.then().accept(this) : e.otherwise().accept(this);
    }

    @Override
    public Object visitCall(Call e) {
        Function f = Functions.find(e.function())
                .orElseThrow(() -> new EvalException(e.span(), "unknown function " + e.function() + "()"));
        if (env.planning() && "now".equals(f.name())) {
            return new Unknown(ExprPrinter.print(e));
        }
        List<Object> args = new ArrayList<>();
        for (Expr a : e.args()) {
            Object v = a.accept(this);
            if (v instanceof Unknown) {
                return new Unknown(ExprPrinter.print(e));
            }
            args.add(v);
        }
        try {
            return f.body().apply(args, env);
        } catch (IllegalArgumentException | java.time.DateTimeException ex) {
            throw new EvalException(e.span(), e.function() + "(): " + ex.getMessage());
        }
    }

    @Override
    public Object visitInterpolated(Interpolated e) {
        StringBuilder out = new StringBuilder();
        for (Expr part : e.parts()) {
            Object v = part.accept(this);
            if (v instanceof Unknown) {
                return new Unknown(ExprPrinter.print(e));
            }
            out.append(Operators.text(v));
        }
        return out.toString();
    }

    @Override
    public Object visitList(ListExpr e) {
        List<Object> out = new ArrayList<>();
        for (Expr item : e.items()) {
            out.add(item.accept(this));
        }
        return out;
    }

    @Override
    public Object visitMap(MapExpr e) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (MapExpr.Entry entry : e.entries()) {
            out.put(entry.key(), entry.value().accept(this));
        }
        return out;
    }

    /** The value as text, as interpolation shows it. */
    public static String text(Object v) {
        return Operators.text(v);
    }

    public static String typeName(Object v) {
        return Operators.typeName(v);
    }
}
