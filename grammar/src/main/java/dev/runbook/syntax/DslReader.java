package dev.runbook.syntax;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.antlr.RunbookLexer;
import dev.runbook.syntax.antlr.RunbookParser;
import org.antlr.v4.runtime.ANTLRInputStream;
import org.antlr.v4.runtime.CommonTokenStream;

/** Reads a runbook written in the DSL. Syntax errors are all collected; with any, there is no model. */
public final class DslReader {
    private DslReader() {}

    /** The model, or null when the text has syntax errors (all of them reported). */
    @SuppressWarnings("deprecation")
    public static Runbook read(SourceFile file, Diagnostics diagnostics) {
        AntlrPositions positions = new AntlrPositions(file, 0);
        SyntaxErrors errors = new SyntaxErrors(diagnostics, positions);
        RunbookLexer lexer = new RunbookLexer(new ANTLRInputStream(file.text()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        var deep = NestingLimit.tooDeep(tokens.getTokens());
        if (deep.isPresent()) {
            diagnostics.error(SyntaxErrors.CODE, positions.of(deep.get()), NestingLimit.message());
            return null;
        }
        RunbookParser parser = new RunbookParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.setErrorHandler(new StatementRecovery(errors));
        Diagnostics built = new Diagnostics(Integer.MAX_VALUE);
        Runbook runbook;
        try {
            RunbookParser.FileContext tree = parser.file();
            if (errors.count() > 0) {
                return null;
            }
            // ${...} parts of strings are parsed while building: their syntax errors also mean there is no model
            runbook = new DslModelBuilder(positions, built).createRunbook(tree.runbookDecl());
        } catch (StackOverflowError e) {
            // a backstop behind NestingLimit: strings nested in ${...} in strings, say
            diagnostics.error(SyntaxErrors.CODE, positions.at(0, 0), "the file is nested too deeply to read");
            return null;
        }
        diagnostics.addAll(built);
        boolean syntax = built.all().stream()
                .anyMatch(d -> d.isError() && (SyntaxErrors.CODE.equals(d.code()) || Templates.CODE.equals(d.code())));
        return syntax ? null : runbook;
    }
}
