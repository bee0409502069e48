package dev.runbook.format;

import dev.runbook.model.Arg;
import dev.runbook.model.Invocation;
import dev.runbook.model.expr.ExprPrinter;
import dev.runbook.syntax.antlr.RunbookLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code type { a: 1, b: "x" }} on one line when the whole line fits in {@link #WIDTH} columns and no comment sits
 * inside it; otherwise one argument per line, commas between, none after the last.
 */
final class DslInvocations {
    static final int WIDTH = 100;
    /** Tokens that may follow a step's {@code on_failure} keyword: a policy name, never a brace or colon. */
    static final Set<Integer> NAME_TOKENS = Set.of(RunbookLexer.IDENT, RunbookLexer.UNDO);

    private final Lines out;

    DslInvocations(Lines out) {
        this.out = out;
    }

    /** {@code prefix} + the invocation, the element starting at source line {@code from}. */
    void print(int indent, String prefix, Invocation inv, int from, String suffix) {
        int to = Math.max(from, DslPrinter.invocationEnd(inv));
        String head = prefix + (inv.isCall() ? "call " + ExprPrinter.quote(inv.target()) : inv.type());
        if (inv.args().isEmpty()) {
            out.line(indent, head + suffix, from, to);
            return;
        }
        List<String> args = new ArrayList<>();
        boolean multiLine = false;
        for (Arg a : inv.args()) {
            String text = ExprPrinter.key(a.name()) + ": " + DslStrings.expr(a.value(), indent + 1);
            multiLine |= text.indexOf('\n') >= 0;
            args.add(text);
        }
        String one = head + " { " + String.join(", ", args) + " }" + suffix;
        boolean fits = 2 * indent + one.length() <= WIDTH && !multiLine;
        if (fits && !out.pool().anyInside(from, to)) {
            out.line(indent, one, from, to);
            return;
        }
        out.line(indent, head + " {", from, from);
        for (int i = 0; i < args.size(); i++) {
            Arg a = inv.args().get(i);
            int argFrom = DslPrinter.line(a.nameSpan());
            int argTo = Math.max(argFrom, DslPrinter.endLine(a.value().span()));
            out.line(indent + 1, args.get(i) + (i < args.size() - 1 ? "," : ""), argFrom, argTo);
        }
        out.close(indent, indent + 1, "}" + suffix, from, to);
    }
}
