package dev.runbook.syntax;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.Invalid;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.antlr.RunbookLexer;
import dev.runbook.syntax.antlr.RunbookParser;
import org.antlr.v4.runtime.ANTLRInputStream;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Parses one expression written somewhere inside a file: a {@code ${...}} part of a DSL string, or an expression
 * string in YAML. {@code offset} is where the text starts in the file, so diagnostics point into the file.
 */
public final class ExpressionParser {
    private ExpressionParser() {}

    /**
     * The expression, or an {@link Invalid} one after reporting its errors: the error stays local to the expression,
     * and the caller stops before running anything.
     */
    @SuppressWarnings("deprecation")
    public static Expr parse(SourceFile file, int offset, String text, Diagnostics diagnostics) {
        AntlrPositions positions = new AntlrPositions(file, offset);
        SyntaxErrors errors = new SyntaxErrors(diagnostics, positions, "end of the expression");
        RunbookLexer lexer = new RunbookLexer(new ANTLRInputStream(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        var deep = NestingLimit.tooDeep(tokens.getTokens());
        if (deep.isPresent()) {
            diagnostics.error(SyntaxErrors.CODE, positions.of(deep.get()), NestingLimit.message());
            return new Invalid(text, positions.at(0, text.length()));
        }
        RunbookParser parser = new RunbookParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.setErrorHandler(new StatementRecovery(errors));
        try {
            RunbookParser.ExprOnlyContext tree = parser.exprOnly();
            if (errors.count() > 0) {
                return new Invalid(text, positions.at(0, text.length()));
            }
            return new ExpressionBuilder(positions, diagnostics).build(tree.expr());
        } catch (StackOverflowError e) {
            // a backstop behind NestingLimit: strings nested in ${...} in strings, say
            diagnostics.error(
                    SyntaxErrors.CODE,
                    positions.at(0, text.length()),
                    "the expression is nested too " + "deeply to read");
            return new Invalid(text, positions.at(0, text.length()));
        }
    }

    /**
     * Whether {@code d} is an error that parsing an expression reports: it leaves an {@link Invalid} in the model,
     * so it is local to that expression.
     */
    public static boolean isExpressionError(Diagnostic d) {
        return d.isError()
                && (d.code().equals(SyntaxErrors.CODE)
                        || d.code().equals(SyntaxErrors.UNCLOSED)
                        || d.code().equals(Templates.CODE));
    }

    /** A string that may hold {@code ${...}} parts (YAML values): literal text and expressions. */
    public static Expr parseTemplate(SourceFile file, int offset, String text, Diagnostics diagnostics) {
        return Templates.parse(file, offset, text, text, false, diagnostics);
    }
}
