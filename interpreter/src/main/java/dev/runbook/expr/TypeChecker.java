package dev.runbook.expr;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Type;
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
import dev.runbook.spi.Suggestions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Infers the type of an expression and reports what cannot work, before anything runs. */
public final class TypeChecker implements ExprVisitor<Type> {
    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=");
    private static final String HOST = "host";
    /** The host an {@code on} block's step runs on; {@code vars} holds the inventory's values, any name. */
    private static final Map<String, Type> HOST_FIELDS = orderedHostFields();

    private final Scope scope;
    private final Diagnostics diagnostics;

    private TypeChecker(Scope scope, Diagnostics diagnostics) {
        this.scope = scope;
        this.diagnostics = diagnostics;
    }

    private static Map<String, Type> orderedHostFields() {
        Map<String, Type> fields = new java.util.LinkedHashMap<>();
        fields.put("name", Type.STRING);
        fields.put("address", Type.STRING);
        fields.put("user", Type.STRING);
        fields.put("port", Type.INT);
        fields.put("groups", Type.LIST);
        fields.put("vars", Type.MAP);
        return java.util.Collections.unmodifiableMap(fields);
    }

    public static Type check(Expr expr, Scope scope, Diagnostics diagnostics) {
        return expr.accept(new TypeChecker(scope, diagnostics));
    }

    /** Checks a condition, which must be a bool (RB0120). */
    public static void checkCondition(Expr expr, String what, Scope scope, Diagnostics diagnostics) {
        Type t = check(expr, scope, diagnostics);
        if (t != Type.BOOL && t != Type.ANY) {
            diagnostics.add(Diagnostic.error(
                            "RB0120",
                            expr.span(),
                            what + " must be a bool, but `" + ExprPrinter.print(expr) + "` is " + t.a())
                    .withHint("compare it, e.g. `" + ExprPrinter.print(expr) + " == ...`"));
        }
    }

    public static Type typeOf(Object literal) {
        if (literal == null) {
            return Type.NULL;
        }
        if (literal instanceof String) {
            return Type.STRING;
        }
        if (literal instanceof Long || literal instanceof Integer) {
            return Type.INT;
        }
        if (literal instanceof Double) {
            return Type.DOUBLE;
        }
        if (literal instanceof Boolean) {
            return Type.BOOL;
        }
        if (literal instanceof Duration) {
            return Type.DURATION;
        }
        if (literal instanceof List<?>) {
            return Type.LIST;
        }
        if (literal instanceof Map<?, ?>) {
            return Type.MAP;
        }
        return Type.ANY;
    }

    @Override
    public Type visitLiteral(Literal e) {
        return typeOf(e.value());
    }

    /** Its syntax error is reported already; as any, it causes no second error. */
    @Override
    public Type visitInvalid(Invalid e) {
        return Type.ANY;
    }

    @Override
    public Type visitRef(Ref e) {
        String name = e.name();
        if ("it".equals(name)) {
            if (scope.it() == null) {
                diagnostics.error("RB0125", e.span(), "`it` is only defined in a verify or expect");
                return Type.ANY;
            }
            return Type.MAP;
        }
        if ("steps".equals(name)) {
            return Type.MAP;
        }
        if (HOST.equals(name) && scope.hostBlock() != null) {
            return Type.MAP;
        }
        Type t = scope.names().get(name);
        if (t == null && HOST.equals(name)) {
            diagnostics.add(Diagnostic.error("RB0171", e.span(), "`host` is only known inside an `on` block")
                    .withHint("steps after the block read `steps.<block>.hosts`, `.failed` and `.batches`"));
            return Type.ANY;
        }
        if (t == null) {
            Diagnostic d = Diagnostic.error("RB0121", e.span(), "`" + name + "` is not defined");
            var suggestion = Suggestions.closest(name, scope.names().keySet());
            diagnostics.add(suggestion
                    .map(s -> d.withHint("did you mean `" + s + "`?"))
                    .orElse(d.withHint("declare it with `param " + name + ": string`")));
            return Type.ANY;
        }
        return t;
    }

    @Override
    public Type visitMember(Member e) {
        if (e.target() instanceof Ref r && "steps".equals(r.name())) {
            return stepRef(e.name(), e);
        }
        if (e.target() instanceof Member inner && inner.target() instanceof Ref r && "steps".equals(r.name())) {
            return stepOutput(inner, e);
        }
        if (e.target() instanceof Ref r && "it".equals(r.name()) && scope.it() != null) {
            return output(scope.it(), e.name(), e, "this step");
        }
        if (e.target() instanceof Ref r && HOST.equals(r.name()) && scope.hostBlock() != null) {
            return hostField(e);
        }
        Type target = e.target().accept(this);
        if (target != Type.MAP && target != Type.ANY) {
            diagnostics.error(
                    "RB0124",
                    e.span(),
                    "`" + ExprPrinter.print(e.target()) + "` is " + target.a() + ", it has no field `" + e.name()
                            + "`");
        }
        return Type.ANY;
    }

    /** {@code host.name}, {@code host.vars.x}, ...: the fields every host of an inventory has. */
    private Type hostField(Member e) {
        Type t = HOST_FIELDS.get(e.name());
        if (t == null) {
            Diagnostic d = Diagnostic.error("RB0172", e.span(), "`host` has no field `" + e.name() + "`");
            var suggestion = Suggestions.closest(e.name(), HOST_FIELDS.keySet());
            diagnostics.add(suggestion
                    .map(s -> d.withHint("did you mean `host." + s + "`?"))
                    .orElse(d.withHint("its fields are: " + String.join(", ", HOST_FIELDS.keySet())
                            + "; the inventory's own values are under host.vars")));
            return Type.ANY;
        }
        return t;
    }

    private Type stepRef(String id, Member e) {
        if (!scope.steps().containsKey(id)) {
            Diagnostic d = Diagnostic.error("RB0112", e.span(), "no step `" + id + "` to read from");
            var suggestion = Suggestions.closest(id, scope.steps().keySet());
            diagnostics.add(suggestion
                    .map(s -> d.withHint("did you mean `steps." + s + "`?"))
                    .orElse(d));
            return Type.ANY;
        }
        scope.onStepRef().accept(id, e.span());
        return Type.MAP;
    }

    private Type stepOutput(Member stepMember, Member e) {
        Type t = stepRef(stepMember.name(), stepMember);
        if (t == Type.ANY) {
            return Type.ANY;
        }
        return output(scope.steps().get(stepMember.name()), e.name(), e, "step `" + stepMember.name() + "`");
    }

    private Type output(Map<String, Type> outputs, String name, Member e, String owner) {
        if (outputs.isEmpty()) {
            return Type.ANY;
        }
        Type t = outputs.get(name);
        if (t == null) {
            Diagnostic d = Diagnostic.error("RB0113", e.span(), owner + " has no output `" + name + "`");
            var suggestion = Suggestions.closest(name, outputs.keySet());
            diagnostics.add(suggestion
                    .map(s -> d.withHint("did you mean `" + s + "`?"))
                    .orElse(d.withHint("its outputs are: " + String.join(", ", outputs.keySet()))));
            return Type.ANY;
        }
        return t;
    }

    @Override
    public Type visitIndex(Index e) {
        Type target = e.target().accept(this);
        Type index = e.index().accept(this);
        if (target == Type.LIST && index != Type.INT && index != Type.ANY) {
            diagnostics.error("RB0124", e.index().span(), "a list index must be an int, not " + index.a());
        } else if (target != Type.LIST && target != Type.MAP && target != Type.ANY) {
            diagnostics.error("RB0124", e.span(), "cannot index " + target.a());
        }
        return Type.ANY;
    }

    @Override
    public Type visitUnary(Unary e) {
        Type t = e.operand().accept(this);
        if ("!".equals(e.op())) {
            expect(t, Type.BOOL, e.operand(), "the operand of !");
            return Type.BOOL;
        }
        if (!t.isNumeric() && t != Type.ANY && t != Type.DURATION) {
            diagnostics.error("RB0124", e.span(), "cannot negate " + t.a());
        }
        return t;
    }

    @Override
    public Type visitBinary(Binary e) {
        Type l = e.left().accept(this);
        Type r = e.right().accept(this);
        String op = e.op();
        if ("&&".equals(op) || "||".equals(op)) {
            expect(l, Type.BOOL, e.left(), "each side of " + op);
            expect(r, Type.BOOL, e.right(), "each side of " + op);
            return Type.BOOL;
        }
        if ("==".equals(op) || "!=".equals(op)) {
            if (!comparable(l, r)) {
                mismatch(e, l, r, "comparing " + l.a() + " with " + r.a() + " is never equal");
            }
            return Type.BOOL;
        }
        if (COMPARISONS.contains(op)) {
            boolean ok = comparable(l, r)
                    && (l == Type.ANY
                            || r == Type.ANY
                            || l.isNumeric()
                            || l == Type.STRING
                            || l == Type.DURATION
                            || l == Type.BOOL);
            if (!ok) {
                mismatch(e, l, r, "cannot order " + l.a() + " and " + r.a());
            }
            return Type.BOOL;
        }
        if ("in".equals(op)) {
            if (r != Type.LIST && r != Type.MAP && r != Type.STRING && r != Type.ANY) {
                mismatch(e, l, r, "`in` needs a list, map or string on its right, not " + r.a());
            }
            return Type.BOOL;
        }
        return arithmetic(e, l, r);
    }

    private Type arithmetic(Binary e, Type l, Type r) {
        if (l == Type.ANY || r == Type.ANY) {
            return "+".equals(e.op()) && (l == Type.STRING || r == Type.STRING) ? Type.STRING : Type.ANY;
        }
        if ("+".equals(e.op()) && (l == Type.STRING || r == Type.STRING)) {
            return Type.STRING;
        }
        if ("+".equals(e.op()) && l == Type.LIST && r == Type.LIST) {
            return Type.LIST;
        }
        if (l.isNumeric() && r.isNumeric() && !("%".equals(e.op()) && (l == Type.DOUBLE || r == Type.DOUBLE))) {
            return l == Type.DOUBLE || r == Type.DOUBLE ? Type.DOUBLE : Type.INT;
        }
        if (l == Type.DURATION && r == Type.DURATION && ("+".equals(e.op()) || "-".equals(e.op()))) {
            return Type.DURATION;
        }
        if (l == Type.DURATION && r == Type.INT && ("*".equals(e.op()) || "/".equals(e.op()))) {
            return Type.DURATION;
        }
        mismatch(e, l, r, "cannot apply " + e.op() + " to " + l.a() + " and " + r.a());
        return Type.ANY;
    }

    private static boolean comparable(Type l, Type r) {
        return l == Type.ANY
                || r == Type.ANY
                || l == Type.NULL
                || r == Type.NULL
                || l == r
                || l.isNumeric() && r.isNumeric();
    }

    private void mismatch(Binary e, Type l, Type r, String message) {
        diagnostics.error("RB0124", e.span(), message);
    }

    private void expect(Type actual, Type wanted, Expr where, String what) {
        if (!wanted.accepts(actual) || actual == Type.NULL) {
            diagnostics.error("RB0124", where.span(), what + " must be " + wanted.a() + ", not a " + actual.label());
        }
    }

    @Override
    public Type visitConditional(Conditional e) {
        expect(e.condition().accept(this), Type.BOOL, e.condition(), "the condition of ?:");
        Type a = e.then().accept(this);
        Type b = e.otherwise().accept(this);
        return a == b ? a : Type.ANY;
    }

    @Override
    public Type visitCall(Call e) {
        var found = Functions.find(e.function());
        if (found.isEmpty()) {
            List<String> names = Functions.all().stream().map(Function::name).toList();
            Diagnostic d = Diagnostic.error("RB0122", e.span(), "unknown function `" + e.function() + "`");
            var suggestion = Suggestions.closest(e.function(), names);
            diagnostics.add(suggestion
                    .map(s -> d.withHint("did you mean `" + s + "`?"))
                    .orElse(d.withHint("functions: " + String.join(", ", names))));
            e.args().forEach(a -> a.accept(this));
            return Type.ANY;
        }
        Function f = found.get();
        int n = e.args().size();
        if (n < f.required() || n > f.params().size()) {
            diagnostics.add(Diagnostic.error("RB0123", e.span(), e.function() + "() takes " + arity(f) + ", not " + n)
                    .withHint(f.signature()));
        }
        for (int i = 0; i < n; i++) {
            Type t = e.args().get(i).accept(this);
            if (i < f.params().size() && !f.params().get(i).accepts(t)) {
                diagnostics.add(Diagnostic.error(
                                "RB0123",
                                e.args().get(i).span(),
                                "argument " + (i + 1) + " of " + e.function() + "() must be "
                                        + f.params().get(i).a() + ", not " + t.a())
                        .withHint(f.signature()));
            }
        }
        return f.result();
    }

    private static String arity(Function f) {
        int max = f.params().size();
        String count = f.required() == max ? String.valueOf(max) : f.required() + " to " + max;
        return count + (max == 1 && f.required() == 1 ? " argument" : " arguments");
    }

    @Override
    public Type visitInterpolated(Interpolated e) {
        e.parts().forEach(p -> p.accept(this));
        return Type.STRING;
    }

    @Override
    public Type visitList(ListExpr e) {
        e.items().forEach(i -> i.accept(this));
        return Type.LIST;
    }

    @Override
    public Type visitMap(MapExpr e) {
        e.entries().forEach(en -> en.value().accept(this));
        return Type.MAP;
    }
}
