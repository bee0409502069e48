package dev.runbook.syntax;

import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The one place where ANTLR positions become ours. ANTLR's char indexes (UTF-16, as we feed it a String) are
 * offsets into the text it parsed, which starts at {@code base} in the source file.
 */
final class AntlrPositions {
    private final SourceFile file;
    private final int base;

    AntlrPositions(SourceFile file, int base) {
        this.file = file;
        this.base = base;
    }

    SourceFile file() {
        return file;
    }

    int base() {
        return base;
    }

    Span of(Token token) {
        int start = base + Math.max(0, token.getStartIndex());
        int end = base + Math.max(token.getStartIndex(), token.getStopIndex() + 1);
        return file.span(start, end);
    }

    Span of(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop =
                ctx.getStop() == null || ctx.getStop().getStopIndex() < start.getStartIndex() ? start : ctx.getStop();
        return file.span(base + Math.max(0, start.getStartIndex()), base + stop.getStopIndex() + 1);
    }

    Span at(int relativeStart, int relativeEnd) {
        return file.span(base + relativeStart, base + relativeEnd);
    }
}
