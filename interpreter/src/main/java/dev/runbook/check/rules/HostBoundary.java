package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.expr.Scope;
import dev.runbook.model.HostBlock;
import dev.runbook.source.Span;
import java.util.function.BiConsumer;

/**
 * RB0173: the outputs of a step inside an {@code on} block are per host, so only the steps and verifies of that
 * block read them; everyone else reads the block's own outputs ({@code steps.<block>.hosts}, {@code .failed},
 * {@code .batches}), which exist once the whole block is done.
 */
final class HostBoundary {
    private HostBoundary() {}

    /** {@code scope} for an expression of {@code who}, which runs in {@code own} (null: outside every block). */
    static Scope wrap(CheckContext context, HostBlock own, String who, Scope scope) {
        if (context.runbook().hostBlocks().isEmpty()) {
            return scope;
        }
        BiConsumer<String, Span> next = scope.onStepRef();
        return scope.withStepRefs((id, span) -> {
            check(context, own, who, id, span);
            next.accept(id, span);
        });
    }

    private static void check(CheckContext context, HostBlock own, String who, String id, Span span) {
        HostBlock of = context.hostBlockOf(id);
        if (of != null && of != own) {
            String where = own == null ? "" : ", which runs in `" + header(own) + "`,";
            context.diagnostics()
                    .error(
                            "RB0173",
                            span,
                            who + where + " reads `steps." + id + "`, a step of `" + header(of)
                                    + "`: its outputs are per host; read the block's `steps." + of.id()
                                    + ".hosts`, `.failed` or `.batches`");
        } else if (own != null && of == null && id.equals(own.id()) && context.hostBlock(id) != null) {
            context.diagnostics()
                    .error(
                            "RB0173",
                            span,
                            who + " reads `steps." + id + "`, the outputs of its own `on` block, which exist only"
                                    + " when the block is done on every host");
        }
    }

    /** {@code on web as deploy}, as the block is named in messages. */
    static String header(HostBlock h) {
        return "on " + h.target() + (h.id().equals(h.target()) ? "" : " as " + h.id());
    }
}
