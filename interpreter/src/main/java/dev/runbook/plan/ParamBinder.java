package dev.runbook.plan;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.expr.Env;
import dev.runbook.expr.EvalException;
import dev.runbook.expr.Evaluator;
import dev.runbook.model.Param;
import dev.runbook.model.ParamType;
import dev.runbook.model.Runbook;
import dev.runbook.model.Unknown;
import dev.runbook.model.expr.Durations;
import dev.runbook.source.Span;
import dev.runbook.spi.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every param its value before anything runs: given values (from --param, --params or the environment)
 * converted to the param's type, else the default evaluated with the earlier params, else an error.
 * RB0300 missing, RB0301 unknown name, RB0302 a value of the wrong type or not a choice, RB0303 a default that
 * cannot be evaluated.
 */
public final class ParamBinder {
    private ParamBinder() {}

    /** @param given values by name; strings are converted, typed values (from a params file) checked. */
    public static BoundParams bind(
            Runbook rb, Map<String, Object> given, Env env, Redactor redactor, Diagnostics diagnostics) {
        return bind(rb, given, env, redactor, diagnostics, false);
    }

    /**
     * Like {@link #bind}; with {@code missingUnknown} a required param that was not given, or a default that cannot
     * be evaluated on this machine (e.g. latest() of a directory that only exists in production), is unknown
     * ({@code <name>}) instead of an error, for comparing plans (diff) without inventing values.
     */
    public static BoundParams bind(
            Runbook rb,
            Map<String, Object> given,
            Env env,
            Redactor redactor,
            Diagnostics diagnostics,
            boolean missingUnknown) {
        Span where = Span.synthetic("--param");
        List<String> names = rb.params().stream().map(Param::name).toList();
        for (String name : given.keySet()) {
            if (!names.contains(name)) {
                Diagnostic d =
                        Diagnostic.error("RB0301", where, "runbook `" + rb.name() + "` has no param `" + name + "`");
                var s = Suggestions.closest(name, names);
                diagnostics.add(s.map(x -> d.withHint("did you mean `" + x + "`?"))
                        .orElse(d.withHint(
                                names.isEmpty() ? "it takes no params" : "its params: " + String.join(", ", names))));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        for (Param p : rb.params()) {
            Object value;
            if (missingUnknown && p.required() && !given.containsKey(p.name())) {
                value = new Unknown(p.name());
                unknown.put(p.name(), "required, not given (--param " + p.name() + "=...)");
            } else if (missingUnknown && !given.containsKey(p.name())) {
                Diagnostics scratch = new Diagnostics();
                value = value(p, given, env, values, scratch, where);
                if (scratch.hasErrors()) {
                    value = new Unknown(p.name());
                    unknown.put(p.name(), scratch.sorted().get(0).message());
                } else if (value instanceof Unknown u) {
                    unknown.put(p.name(), "its default " + u.expression() + " is known at run");
                    value = new Unknown(p.name());
                }
            } else {
                value = value(p, given, env, values, diagnostics, where);
            }
            values.put(p.name(), value);
            if (p.type().isSecret()) {
                secrets.add(p.name());
                if (value instanceof String s) {
                    redactor.add(s);
                }
            }
        }
        return new BoundParams(values, secrets, unknown);
    }

    private static Object value(
            Param p,
            Map<String, Object> given,
            Env env,
            Map<String, Object> earlier,
            Diagnostics diagnostics,
            Span where) {
        if (given.containsKey(p.name())) {
            try {
                return convert(p.type(), given.get(p.name()));
            } catch (IllegalArgumentException e) {
                String shown = p.type().isSecret() ? Redactor.MASK : String.valueOf(given.get(p.name()));
                diagnostics.error(
                        "RB0302",
                        where,
                        "param `" + p.name() + "`: "
                                + e.getMessage().replace(String.valueOf(given.get(p.name())), shown));
                return null;
            }
        }
        if (p.defaultValue() == null) {
            diagnostics.add(Diagnostic.error("RB0300", p.nameSpan(), "param `" + p.name() + "` is required")
                    .withHint(
                            "give it with --param " + p.name() + "=<" + p.type().label() + ">"));
            return null;
        }
        Env scoped = env.withVars(new LinkedHashMap<>(earlier));
        try {
            Object v = Evaluator.eval(p.defaultValue(), scoped);
            return v instanceof Unknown ? v : convert(p.type(), v);
        } catch (EvalException e) {
            diagnostics.error(
                    "RB0303", e.span(), "the default of `" + p.name() + "` cannot be evaluated: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            diagnostics.error(
                    "RB0303", p.defaultValue().span(), "the default of `" + p.name() + "`: " + e.getMessage());
        }
        return null;
    }

    /** A value converted to a param type; text is parsed as --param gives it. */
    public static Object convert(ParamType type, Object v) {
        if (v == null) {
            throw new IllegalArgumentException("no value");
        }
        String text = String.valueOf(v).strip();
        return switch (type.kind()) {
            case STRING, PATH, SECRET -> v instanceof String s ? s : Evaluator.text(v);
            case ENUM -> {
                if (!type.choices().contains(text)) {
                    throw new IllegalArgumentException(
                            "'" + text + "' is not one of " + String.join(", ", type.choices()));
                }
                yield text;
            }
            case INT -> {
                if (v instanceof Long || v instanceof Integer) {
                    yield ((Number) v).longValue();
                }
                try {
                    yield Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not an int");
                }
            }
            case DOUBLE -> {
                try {
                    yield v instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a number");
                }
            }
            case BOOL -> {
                if (v instanceof Boolean b) {
                    yield b;
                }
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("'" + text + "' is not a bool (true or false)");
                }
                yield Boolean.parseBoolean(text);
            }
            case DURATION -> v instanceof Duration d ? d : duration(text);
            case LIST -> v instanceof List<?> l ? new ArrayList<>(l) : splitList(text);
            case MAP -> {
                if (v instanceof Map<?, ?> m) {
                    yield new LinkedHashMap<>(m);
                }
                throw new IllegalArgumentException("a map param needs a params file (--params file.yaml)");
            }
        };
    }

    private static Duration duration(String text) {
        return Durations.parse(text);
    }

    private static List<Object> splitList(String text) {
        List<Object> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String part : text.split(",")) {
            out.add(part.strip());
        }
        return out;
    }
}
