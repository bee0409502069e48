package dev.runbook.engine;

import dev.runbook.expr.Env;
import dev.runbook.expr.EvalException;
import dev.runbook.expr.Evaluator;
import dev.runbook.model.Guard;
import dev.runbook.model.expr.ExprPrinter;

/** What a precondition that did not hold says: its message with its {@code ${}} parts filled in, or the condition. */
final class Guards {
    private Guards() {}

    static String describe(Guard g, Env env) {
        if (g.message() == null) {
            return ExprPrinter.print(g.condition());
        }
        try {
            return Evaluator.text(Evaluator.eval(g.message(), env));
        } catch (EvalException e) {
            return ExprPrinter.print(g.message()); // as written, rather than no message at all
        }
    }
}
