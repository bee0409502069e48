package dev.runbook.syntax;

import dev.runbook.syntax.antlr.RunbookLexer;
import dev.runbook.syntax.antlr.RunbookParser;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * One mistake, one diagnostic: the first error inside a statement (a member of the runbook, a step, a clause of a
 * step, or a whole expression) is reported, the rest of the statement is skipped, and parsing goes on at the next
 * statement (jlox's {@code synchronize()}). ANTLR's own recovery patches the statement and keeps going, which
 * reports every later token of it again. An error that is really an unclosed delimiter is reported where the
 * delimiter was opened. Between statements, ANTLR's recovery is kept.
 */
final class StatementRecovery extends DefaultErrorStrategy {
    private final SyntaxErrors errors;
    private int resumeAt = -1;
    private int lastResync = -1;
    /** After an unclosed text block the rest of the file is its text: nothing more is reported. */
    private boolean restIsText;

    StatementRecovery(SyntaxErrors errors) {
        this.errors = errors;
    }

    /** Unwinds the parser from the rule that failed to the statement that holds it; reported already. */
    static final class Skip extends RecognitionException {
        Skip(Parser parser) {
            super(parser, parser.getInputStream(), parser.getContext());
        }
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        if (e instanceof Skip || restIsText || inErrorRecoveryMode(parser)) {
            return;
        }
        Token offending = e.getOffendingToken() == null ? parser.getCurrentToken() : e.getOffendingToken();
        if (!reportedUnclosed(parser, offending)) {
            super.reportError(parser, e);
        }
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (!restIsText && !inErrorRecoveryMode(parser) && !reportedUnclosed(parser, parser.getCurrentToken())) {
            super.reportUnwantedToken(parser);
        }
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (!restIsText && !inErrorRecoveryMode(parser) && !reportedUnclosed(parser, parser.getCurrentToken())) {
            super.reportMissingToken(parser);
        }
    }

    @Override
    public void recover(Parser parser, RecognitionException e) {
        ParserRuleContext context = parser.getContext();
        if (isStatement(context)) {
            resync(parser, context);
        } else if (statementOf(context) != null) {
            throw e instanceof Skip ? e : new Skip(parser);
        } else {
            super.recover(parser, e);
        }
    }

    /** Inside a statement, no token is made up or dropped to go on: the statement is skipped instead. */
    @Override
    public Token recoverInline(Parser parser) {
        if (statementOf(parser.getContext()) == null) {
            return super.recoverInline(parser);
        }
        throw new InputMismatchException(parser);
    }

    @Override
    public void sync(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        ATNState state = parser.getInterpreter().atn.states.get(parser.getState());
        IntervalSet next = parser.getATN().nextTokens(state);
        int la = parser.getInputStream().LA(1);
        if (next.contains(la) || next.contains(Token.EPSILON)) {
            return;
        }
        if (statementOf(parser.getContext()) == null) {
            if (state.getStateType() == ATNState.STAR_LOOP_ENTRY) {
                // before the first member: ANTLR would give up on the whole block; skip to a member instead
                reportUnwantedToken(parser);
                consumeUntil(parser, next);
            } else {
                super.sync(parser);
            }
            return;
        }
        switch (state.getStateType()) {
            case ATNState.BLOCK_START,
                    ATNState.STAR_BLOCK_START,
                    ATNState.PLUS_BLOCK_START,
                    ATNState.STAR_LOOP_ENTRY,
                    ATNState.PLUS_LOOP_BACK,
                    ATNState.STAR_LOOP_BACK -> throw new InputMismatchException(parser);
            default -> {}
        }
    }

    private boolean reportedUnclosed(Parser parser, Token offending) {
        ParserRuleContext statement = statementOf(parser.getContext());
        TokenStream tokens = parser.getInputStream();
        Optional<Unclosed> found;
        if (statement != null) {
            found = Unclosed.find(tokens, statement.getStart().getTokenIndex(), offending, true);
        } else {
            // between statements only the end of the file tells that something is still open
            int from = offending.getType() == Token.EOF ? 0 : offending.getTokenIndex();
            found = Unclosed.find(tokens, from, offending, false);
        }
        if (found.isEmpty()) {
            return false;
        }
        beginErrorCondition(parser);
        errors.unclosed(found.get());
        resumeAt = found.get().resumeAt();
        restIsText = found.get().isTextBlock();
        return true;
    }

    /**
     * Skips to the next statement: a keyword that starts a line no deeper than the failed statement, a brace that
     * closes the block around it, or the end; or to the statement that an unclosed bracket swallowed.
     */
    private void resync(Parser parser, ParserRuleContext statement) {
        TokenStream tokens = parser.getInputStream();
        int resume = resumeAt;
        resumeAt = -1;
        if (resume > statement.getStart().getTokenIndex()) {
            tokens.seek(resume);
            lastResync = resume;
            return;
        }
        if (tokens.index() == lastResync && tokens.LA(1) != Token.EOF) {
            parser.consume();
        }
        Token start = statement.getStart();
        int indent = indent(tokens, start);
        Set<Integer> stops = statement instanceof RunbookParser.StepClauseContext
                ? Unclosed.STATEMENT_KEYWORDS
                : statement instanceof RunbookParser.ExprOnlyContext ? Set.of() : Unclosed.MEMBER_KEYWORDS;
        while (tokens.LA(1) != Token.EOF && !isStop(tokens, tokens.LT(1), indent, stops)) {
            parser.consume();
        }
        lastResync = tokens.index();
    }

    private static boolean isStop(TokenStream tokens, Token t, int indent, Set<Integer> stops) {
        if (!Unclosed.firstOnLine(tokens, t)) {
            return false;
        }
        int column = t.getCharPositionInLine();
        if (t.getType() == RunbookLexer.RBRACE) {
            return column < indent;
        }
        return stops.contains(t.getType())
                && column <= indent
                && Unclosed.next(tokens, t).getType() != RunbookLexer.COLON;
    }

    /** The column of the first token on the line of {@code t}. */
    private static int indent(TokenStream tokens, Token t) {
        Token first = t;
        for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
            Token before = tokens.get(i);
            if (before.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (before.getLine() != t.getLine()) {
                break;
            }
            first = before;
        }
        return first.getCharPositionInLine();
    }

    private static boolean isStatement(ParserRuleContext context) {
        return context instanceof RunbookParser.MemberContext
                || context instanceof RunbookParser.StepDeclContext
                || context instanceof RunbookParser.InvariantDeclContext
                || context instanceof RunbookParser.VerifyDeclContext
                || context instanceof RunbookParser.StepClauseContext
                || context instanceof RunbookParser.ExprOnlyContext;
    }

    private static ParserRuleContext statementOf(ParserRuleContext context) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (isStatement(c)) {
                return c;
            }
        }
        return null;
    }
}
