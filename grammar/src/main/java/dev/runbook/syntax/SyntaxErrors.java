package dev.runbook.syntax;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.syntax.antlr.RunbookLexer;
import java.util.BitSet;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.dfa.DFA;

/** Turns lexer and parser errors into RB0001 diagnostics; the parser recovers and keeps reporting. */
final class SyntaxErrors extends BaseErrorListener {
    static final String CODE = "RB0001";
    /** A bracket, brace, parenthesis or string that is never closed; the diagnostic says where it was opened. */
    static final String UNCLOSED = "RB0007";

    private final Diagnostics diagnostics;
    private final AntlrPositions positions;
    private int count;

    private final String endName;

    SyntaxErrors(Diagnostics diagnostics, AntlrPositions positions) {
        this(diagnostics, positions, "end of file");
    }

    /** @param endName what the end of the parsed text is called: a file, or an expression inside a string */
    SyntaxErrors(Diagnostics diagnostics, AntlrPositions positions, String endName) {
        this.diagnostics = diagnostics;
        this.positions = positions;
        this.endName = endName;
    }

    int count() {
        return count;
    }

    @Override
    public void syntaxError(
            Recognizer<?, ?> recognizer,
            Object offendingSymbol,
            int line,
            int column,
            String msg,
            RecognitionException e) {
        count++;
        int start;
        int end;
        if (offendingSymbol instanceof Token token && token.getStartIndex() >= 0) {
            start = token.getStartIndex();
            end = token.getType() == Token.EOF ? start : token.getStopIndex() + 1;
        } else {
            start = positions.file().offsetOf(line, column + 1) - positions.base();
            start = Math.max(0, start);
            end = start + 1;
        }
        Diagnostic d = Diagnostic.error(CODE, positions.at(start, end), message(offendingSymbol, msg));
        if (offendingSymbol instanceof Token token && token.getType() == RunbookLexer.ASSIGN) {
            d = d.withHint("to compare two values, use `==`");
        }
        diagnostics.add(d);
    }

    /** An unclosed delimiter, reported where it was opened, with a note where the parser noticed it. */
    void unclosed(Unclosed unclosed) {
        count++;
        Diagnostic d = Diagnostic.error(UNCLOSED, positions.of(unclosed.open()), unclosed.message());
        String note = unclosed.note(endName);
        if (note != null) {
            d = d.withNote(positions.of(unclosed.found()), note);
        }
        if (unclosed.hint() != null) {
            d = d.withHint(unclosed.hint());
        }
        diagnostics.add(d);
    }

    private String message(Object offendingSymbol, String msg) {
        if (offendingSymbol instanceof Token token
                && token.getType() == RunbookLexer.UNKNOWN_CHAR
                && ("\"".equals(token.getText()) || "'".equals(token.getText()))) {
            return "unterminated string: close it on the same line (use \"\"\" for text over several lines)";
        }
        return friendly(msg).replace("end of file", endName);
    }

    /** ANTLR lists every expected token; past a handful that helps nobody. */
    static String friendly(String msg) {
        String text = msg.replace("<EOF>", "end of file").replace("'\"", "'\\\"");
        int brace = text.indexOf(" expecting {");
        if (brace > 0 && text.substring(brace).split(",").length > 6) {
            text = text.substring(0, brace);
        }
        if (text.startsWith("token recognition error at: ")) {
            return "unexpected character " + text.substring("token recognition error at: ".length());
        }
        if (text.startsWith("extraneous input")) {
            return text.replace("extraneous input", "unexpected");
        }
        if (text.startsWith("mismatched input")) {
            return text.replace("mismatched input", "unexpected");
        }
        if (text.startsWith("no viable alternative at input")) {
            String at = text.substring("no viable alternative at input ".length());
            return "cannot parse " + at;
        }
        return text;
    }

    @Override
    public void reportAmbiguity(
            org.antlr.v4.runtime.Parser recognizer,
            DFA dfa,
            int startIndex,
            int stopIndex,
            boolean exact,
            BitSet ambigAlts,
            ATNConfigSet configs) {
        // ambiguities are resolved by alternative order, as the grammar intends
    }
}
