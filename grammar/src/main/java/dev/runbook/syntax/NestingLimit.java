package dev.runbook.syntax;

import dev.runbook.syntax.antlr.RunbookLexer;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * The parser, the builder and the checker recurse once per level of nesting, so a file with thousands of nested
 * brackets would overflow the stack. Tokens are scanned before parsing, and text nested deeper than any runbook
 * needs is refused with a diagnostic at the token that went too deep.
 */
final class NestingLimit {
    /** Brackets, braces and parentheses open at once, and unary operators in a row. */
    static final int MAX_DEPTH = 100;
    /** Binary operators, member accesses and indexes chained in one expression (a left-deep tree). */
    static final int MAX_CHAIN = 1000;

    private NestingLimit() {}

    /** The first token that nests deeper than {@link #MAX_DEPTH}, if any. */
    static Optional<Token> tooDeep(List<Token> tokens) {
        int depth = 0;
        int unary = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case RunbookLexer.LPAREN, RunbookLexer.LBRACK, RunbookLexer.LBRACE -> depth++;
                case RunbookLexer.RPAREN, RunbookLexer.RBRACK, RunbookLexer.RBRACE -> depth = Math.max(0, depth - 1);
                default -> {}
            }
            boolean prefix = t.getType() == RunbookLexer.BANG || t.getType() == RunbookLexer.MINUS;
            unary = prefix ? unary + 1 : 0;
            if (depth > MAX_DEPTH || unary > MAX_DEPTH) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static String message() {
        return "nested more than " + MAX_DEPTH + " levels deep; no runbook needs that many";
    }
}
