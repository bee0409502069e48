package dev.runbook.yaml;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.expr.Binary;
import dev.runbook.model.expr.Call;
import dev.runbook.model.expr.Conditional;
import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.ExprVisitor;
import dev.runbook.model.expr.Index;
import dev.runbook.model.expr.Interpolated;
import dev.runbook.model.expr.Invalid;
import dev.runbook.model.expr.ListExpr;
import dev.runbook.model.expr.Literal;
import dev.runbook.model.expr.MapExpr;
import dev.runbook.model.expr.Member;
import dev.runbook.model.expr.Ref;
import dev.runbook.model.expr.Unary;
import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves spans from a scalar's decoded value (parsed on its own) to the YAML file, through the char-to-offset table of
 * {@link YamlPositions#valueOffsets}. Used when escapes, quotes or folding make the value differ from the file text.
 */
final class SpanMover implements ExprVisitor<Expr> {
    private final SourceFile file;
    private final int[] offsets;

    SpanMover(SourceFile file, int[] offsets) {
        this.file = file;
        this.offsets = offsets;
    }

    Span move(Span span) {
        if (span == null) {
            return null;
        }
        int last = offsets.length - 1;
        int s = span.start().offset();
        int e = span.end().offset();
        int start = offsets[Math.min(s, last)];
        int end = e <= s ? start : (e - 1 < last ? offsets[e - 1] + 1 : offsets[last]);
        if (e > s && e - 1 < last && e <= last && escaped(offsets[e - 1])) {
            end = offsets[e];
        }
        return file.span(start, Math.max(start, end));
    }

    /** Whether the decoded char at this file offset came from an escape sequence (so it is wider than one char). */
    private boolean escaped(int fileOffset) {
        return fileOffset < file.text().length() && file.text().charAt(fileOffset) == '\\';
    }

    Diagnostic move(Diagnostic d) {
        List<Diagnostic.Note> notes = new ArrayList<>();
        d.notes().forEach(n -> notes.add(new Diagnostic.Note(move(n.span()), n.text())));
        return new Diagnostic(d.severity(), d.code(), move(d.span()), d.message(), notes);
    }

    Expr move(Expr e) {
        return e.accept(this);
    }

    private List<Expr> moveAll(List<Expr> items) {
        List<Expr> out = new ArrayList<>();
        items.forEach(i -> out.add(move(i)));
        return out;
    }

    @Override
    public Expr visitLiteral(Literal e) {
        return new Literal(e.value(), move(e.span()));
    }

    @Override
    public Expr visitInvalid(Invalid e) {
        return new Invalid(e.text(), move(e.span()));
    }

    @Override
    public Expr visitRef(Ref e) {
        return new Ref(e.name(), move(e.span()));
    }

    @Override
    public Expr visitMember(Member e) {
        return new Member(move(e.target()), e.name(), move(e.span()));
    }

    @Override
    public Expr visitIndex(Index e) {
        return new Index(move(e.target()), move(e.index()), move(e.span()));
    }

    @Override
    public Expr visitUnary(Unary e) {
        return new Unary(e.op(), move(e.operand()), move(e.span()));
    }

    @Override
    public Expr visitBinary(Binary e) {
        return new Binary(e.op(), move(e.left()), move(e.right()), move(e.span()));
    }

    @Override
    public Expr visitConditional(Conditional e) {
        return new Conditional(move(e.condition()), move(e.then()), move(e.otherwise()), move(e.span()));
    }

    @Override
    public Expr visitCall(Call e) {
        return new Call(e.function(), moveAll(e.args()), move(e.span()));
    }

    @Override
    public Expr visitInterpolated(Interpolated e) {
        return new Interpolated(moveAll(e.parts()), move(e.span()));
    }

    @Override
    public Expr visitList(ListExpr e) {
        return new ListExpr(moveAll(e.items()), move(e.span()));
    }

    @Override
    public Expr visitMap(MapExpr e) {
        List<MapExpr.Entry> entries = new ArrayList<>();
        e.entries().forEach(x -> entries.add(new MapExpr.Entry(x.key(), move(x.keySpan()), move(x.value()))));
        return new MapExpr(entries, move(e.span()));
    }
}
