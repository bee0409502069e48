package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.expr.TypeChecker;
import dev.runbook.model.Arg;
import dev.runbook.model.Invariant;
import dev.runbook.model.Invocation;
import dev.runbook.model.Step;
import dev.runbook.model.Type;
import dev.runbook.model.Verify;
import dev.runbook.spi.Effect;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Suggestions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every invocation (step, undo, verify probe) against its step type's schema: RB0100 unknown type, RB0101 unknown
 * argument, RB0102 missing argument, RB0103 mistyped argument, RB0104 duplicate argument, RB0106 a probe that
 * is not a read step (or an invariant that is not).
 */
public final class StepTypesRule implements Rule {
    @Override
    public void check(CheckContext context) {
        for (Step s : context.runbook().allSteps()) {
            invocation(context, s.invocation(), s.id());
            if (s.undo() != null) {
                invocation(context, s.undo(), s.id());
            }
        }
        List<Verify> verifies = new java.util.ArrayList<>(context.runbook().verifies());
        context.runbook().hostBlocks().forEach(h -> verifies.addAll(h.verifies()));
        for (Verify v : verifies) {
            if (v.probe() == null) {
                continue;
            }
            readOnly(context, v.probe(), "a verify");
        }
        for (Invariant inv : context.runbook().invariants()) {
            if (inv.probe().isCall()) {
                context.diagnostics()
                        .error("RB0106", inv.probe().typeSpan(), "an invariant must be a read step, not a call");
                continue;
            }
            readOnly(context, inv.probe(), "an invariant");
        }
    }

    private void readOnly(CheckContext context, Invocation probe, String what) {
        StepType t = invocation(context, probe, null);
        if (t != null && t.effect() != Effect.READ) {
            context.diagnostics()
                    .error(
                            "RB0106",
                            probe.typeSpan(),
                            what + " must only look: `" + t.name() + "` is "
                                    + (t.effect() == Effect.EXTERNAL ? "an " : "a ")
                                    + t.effect().label() + " step");
        }
    }

    private StepType invocation(CheckContext context, Invocation inv, String owner) {
        if (inv.isCall()) {
            return null;
        }
        StepType type = context.type(inv.type()).orElse(null);
        if (type == null) {
            Diagnostic d = Diagnostic.error("RB0100", inv.typeSpan(), "unknown step type `" + inv.type() + "`");
            var suggestion = context.registry().suggest(inv.type());
            context.diagnostics()
                    .add(suggestion
                            .map(s -> d.withHint("did you mean `" + s + "`?"))
                            .orElse(d.withHint("`runbook steps` lists the step types")));
            return null;
        }
        Map<String, ParamSpec> specs = new HashMap<>();
        type.params().forEach(p -> specs.put(p.name(), p));
        Map<String, Arg> given = new HashMap<>();
        for (Arg a : inv.args()) {
            Arg first = given.putIfAbsent(a.name(), a);
            if (first != null) {
                context.diagnostics()
                        .add(Diagnostic.error("RB0104", a.nameSpan(), "argument `" + a.name() + "` is given twice")
                                .withNote(first.nameSpan(), "first given here"));
                continue;
            }
            ParamSpec spec = specs.get(a.name());
            if (spec == null) {
                unknownArgument(context, type, a);
                continue;
            }
            checkType(context, type, spec, a, owner);
        }
        for (ParamSpec spec : type.params()) {
            if (spec.required() && !given.containsKey(spec.name())) {
                context.diagnostics()
                        .add(Diagnostic.error(
                                        "RB0102",
                                        inv.typeSpan(),
                                        "`" + type.name() + "` needs the argument `" + spec.name() + "`")
                                .withHint(spec.name() + ": " + spec.type().label() + " - " + spec.description()));
            }
        }
        return type;
    }

    private static void unknownArgument(CheckContext context, StepType type, Arg a) {
        List<String> names = type.params().stream().map(ParamSpec::name).toList();
        Diagnostic d =
                Diagnostic.error("RB0101", a.nameSpan(), "`" + type.name() + "` has no argument `" + a.name() + "`");
        var suggestion = Suggestions.closest(a.name(), names);
        context.diagnostics()
                .add(suggestion
                        .map(s -> d.withHint("did you mean `" + s + "`?"))
                        .orElse(d.withHint("its arguments are: " + String.join(", ", names))));
    }

    private static void checkType(CheckContext context, StepType type, ParamSpec spec, Arg a, String owner) {
        Diagnostics scratch = new Diagnostics();
        Type actual = TypeChecker.check(a.value(), context.scope(owner).withIt(Map.of()), scratch);
        if (!accepts(spec.type(), actual)) {
            context.diagnostics()
                    .error(
                            "RB0103",
                            a.value().span(),
                            "argument `" + a.name() + "` of `" + type.name() + "` must be "
                                    + spec.type().a() + ", not " + actual.a());
        }
    }

    /** Text parameters take numbers and bools too (they are written as text); everything else must match. */
    static boolean accepts(Type wanted, Type actual) {
        if (wanted == Type.STRING && (actual.isNumeric() || actual == Type.BOOL)) {
            return true;
        }
        return wanted.accepts(actual);
    }
}
