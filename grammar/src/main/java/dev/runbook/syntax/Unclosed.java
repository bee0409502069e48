package dev.runbook.syntax;

import dev.runbook.syntax.antlr.RunbookLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * A bracket, brace, parenthesis or string that is never closed. The parser notices such a mistake late: at the next
 * statement, at a closer of another kind, or at the end of the file. The diagnostic points at where it was opened.
 *
 * @param open     the opening token
 * @param found    where the parser noticed it
 * @param resumeAt the token where parsing may go on (a statement the open bracket swallowed), or -1
 */
record Unclosed(Token open, Token found, int resumeAt) {
    /** Keywords that start a member of the runbook. */
    static final Set<Integer> MEMBER_KEYWORDS = Set.of(
            RunbookLexer.STEP,
            RunbookLexer.PARAM,
            RunbookLexer.LOCK,
            RunbookLexer.REQUIRE,
            RunbookLexer.PARALLEL,
            RunbookLexer.FINALLY,
            RunbookLexer.ON_FAILURE,
            RunbookLexer.VERIFY,
            RunbookLexer.INVARIANT,
            RunbookLexer.ON,
            RunbookLexer.DESCRIPTION);

    /** Keywords that start a member of the runbook or a clause of a step. */
    static final Set<Integer> STATEMENT_KEYWORDS = union(
            MEMBER_KEYWORDS,
            Set.of(
                    RunbookLexer.WHEN,
                    RunbookLexer.UNLESS,
                    RunbookLexer.RETRY,
                    RunbookLexer.TIMEOUT,
                    RunbookLexer.CONFIRM,
                    RunbookLexer.UNDO,
                    RunbookLexer.NEEDS,
                    RunbookLexer.COMPARE));

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    boolean isTextBlock() {
        return open.getType() == RunbookLexer.STRING;
    }

    String message() {
        if (isQuote(open)) {
            return "unclosed string: a string ends on the line where it starts";
        }
        if (isTextBlock()) {
            return "unclosed text block";
        }
        return "unclosed '" + open.getText() + "'";
    }

    /** A note at {@link #found} (none for strings); {@code endName} is what the end of the text is called. */
    String note(String endName) {
        if (!isOpener(open.getType())) {
            return null;
        }
        String before = found.getType() == Token.EOF ? endName : "'" + found.getText() + "'";
        return "expected '" + closer(open.getType()) + "' before " + before;
    }

    String hint() {
        if (isQuote(open)) {
            return "close it with " + open.getText() + " on the same line; use \"\"\" for text over several lines";
        }
        return isTextBlock() ? "close it with \"\"\"" : null;
    }

    /**
     * What {@code offending}, where the parser failed, says about an unclosed delimiter opened at or after token
     * {@code from}. With {@code statements}, a keyword that starts a line and a statement while a bracket is open
     * means that bracket was never closed.
     */
    static Optional<Unclosed> find(TokenStream tokens, int from, Token offending, boolean statements) {
        if (isQuote(offending)) {
            return Optional.of(string(tokens, offending));
        }
        Deque<Token> open = new ArrayDeque<>();
        int end = offending.getTokenIndex();
        for (int i = Math.max(0, from); i <= end && i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (statements && !open.isEmpty() && startsStatement(tokens, t)) {
                return Optional.of(new Unclosed(open.peek(), t, i));
            }
            if (isOpener(t.getType())) {
                open.push(t);
            } else if (isCloser(t.getType()) && !open.isEmpty()) {
                if (closer(open.peek().getType()) == t.getText().charAt(0)) {
                    open.pop();
                } else if (closesOuter(open, t)) {
                    return Optional.of(new Unclosed(open.peek(), t, -1));
                } else {
                    return Optional.empty();
                }
            }
        }
        if (offending.getType() == Token.EOF && !open.isEmpty()) {
            return Optional.of(new Unclosed(open.peek(), offending, -1));
        }
        return Optional.empty();
    }

    /** A quote that the lexer could not pair; after {@code ""} it is a text block. The rest is its text. */
    private static Unclosed string(TokenStream tokens, Token quote) {
        int eof = tokens.size() - 1;
        Token before = quote.getTokenIndex() > 0 ? tokens.get(quote.getTokenIndex() - 1) : null;
        if (before != null
                && before.getType() == RunbookLexer.STRING
                && "\"\"".equals(before.getText())
                && before.getStopIndex() + 1 == quote.getStartIndex()) {
            return new Unclosed(before, quote, eof);
        }
        return new Unclosed(quote, quote, -1);
    }

    /** {@code t} closes a bracket further out than the top one (so the top one is unclosed), or a block. */
    private static boolean closesOuter(Deque<Token> open, Token t) {
        if (t.getType() == RunbookLexer.RBRACE) {
            return true;
        }
        return open.stream().anyMatch(o -> closer(o.getType()) == t.getText().charAt(0));
    }

    /** A keyword first on its line that starts a statement (not an argument key, which a colon follows). */
    static boolean startsStatement(TokenStream tokens, Token t) {
        return STATEMENT_KEYWORDS.contains(t.getType())
                && firstOnLine(tokens, t)
                && next(tokens, t).getType() != RunbookLexer.COLON;
    }

    static boolean firstOnLine(TokenStream tokens, Token t) {
        for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
            Token before = tokens.get(i);
            if (before.getChannel() == Token.DEFAULT_CHANNEL) {
                return endLine(before) < t.getLine();
            }
        }
        return true;
    }

    static Token next(TokenStream tokens, Token t) {
        for (int i = t.getTokenIndex() + 1; i < tokens.size(); i++) {
            if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                return tokens.get(i);
            }
        }
        return tokens.get(tokens.size() - 1);
    }

    private static int endLine(Token t) {
        String text = t.getText() == null ? "" : t.getText();
        return t.getLine() + (int) text.chars().filter(c -> c == '\n').count();
    }

    private static boolean isQuote(Token t) {
        return t.getType() == RunbookLexer.UNKNOWN_CHAR && ("\"".equals(t.getText()) || "'".equals(t.getText()));
    }

    private static boolean isOpener(int type) {
        return type == RunbookLexer.LBRACK || type == RunbookLexer.LBRACE || type == RunbookLexer.LPAREN;
    }

    private static boolean isCloser(int type) {
        return type == RunbookLexer.RBRACK || type == RunbookLexer.RBRACE || type == RunbookLexer.RPAREN;
    }

    private static char closer(int openType) {
        return switch (openType) {
            case RunbookLexer.LBRACK -> ']';
            case RunbookLexer.LBRACE -> '}';
            case RunbookLexer.LPAREN -> ')';
            default -> 0;
        };
    }
}
