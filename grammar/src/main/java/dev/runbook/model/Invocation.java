package dev.runbook.model;

import dev.runbook.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * {@code type { args }}, or {@code call "other.rb" { params }} where {@code target} is the called runbook's path
 * (null for every other type).
 */
public record Invocation(String type, Span typeSpan, String target, Span targetSpan, List<Arg> args, Span span) {
    public static final String CALL = "call";

    public Invocation {
        args = List.copyOf(args);
    }

    public boolean isCall() {
        return CALL.equals(type) && target != null;
    }

    public Optional<Arg> arg(String name) {
        return args.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
