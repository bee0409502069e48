package dev.runbook.expr;

import dev.runbook.model.Type;
import dev.runbook.source.Span;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What names an expression may use at check time: params (and other names) with their types, the steps whose
 * outputs it may read (id to output types; an empty map means "any output"), and {@code it} (null when the
 * expression is not a verify). {@code onStepRef} hears every {@code steps.<id>} reference. {@code hostBlock} is
 * the id of the {@code on} block the expression runs in (null outside one): there {@code host} is the host.
 */
public record Scope(
        Map<String, Type> names,
        Map<String, Map<String, Type>> steps,
        Map<String, Type> it,
        BiConsumer<String, Span> onStepRef,
        String hostBlock) {
    public Scope(
            Map<String, Type> names,
            Map<String, Map<String, Type>> steps,
            Map<String, Type> it,
            BiConsumer<String, Span> onStepRef) {
        this(names, steps, it, onStepRef, null);
    }

    public Scope withIt(Map<String, Type> outputs) {
        return new Scope(names, steps, outputs, onStepRef, hostBlock);
    }

    public Scope withoutIt() {
        return new Scope(names, steps, null, onStepRef, hostBlock);
    }

    public Scope withStepRefs(BiConsumer<String, Span> heard) {
        return new Scope(names, steps, it, heard, hostBlock);
    }
}
