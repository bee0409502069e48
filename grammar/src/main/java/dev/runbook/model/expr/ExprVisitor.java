package dev.runbook.model.expr;

public interface ExprVisitor<R> {
    R visitLiteral(Literal e);

    R visitInvalid(Invalid e);

    R visitRef(Ref e);

    R visitMember(Member e);

    R visitIndex(Index e);

    R visitUnary(Unary e);

    R visitBinary(Binary e);

    R visitConditional(Conditional e);

    R visitCall(Call e);

    R visitInterpolated(Interpolated e);

    R visitList(ListExpr e);

    R visitMap(MapExpr e);
}
