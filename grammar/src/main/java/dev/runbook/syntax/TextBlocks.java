package dev.runbook.syntax;

import dev.runbook.model.expr.Expr;
import dev.runbook.model.expr.Interpolated;
import dev.runbook.model.expr.Literal;
import java.util.ArrayList;
import java.util.List;

/** Layout of {@code """} text blocks: drop the first line break and the last blank line, remove common indent. */
final class TextBlocks {
    private TextBlocks() {}

    static Expr dedent(Expr e) {
        List<Expr> parts = e instanceof Interpolated i ? i.parts() : List.of(e);
        StringBuilder all = new StringBuilder();
        for (Expr p : parts) {
            all.append(p instanceof Literal lit && lit.value() instanceof String s ? s : "x");
        }
        int indent = commonIndent(all.toString());
        List<Expr> out = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            Expr p = parts.get(k);
            if (p instanceof Literal lit && lit.value() instanceof String s) {
                String t = s.replaceAll("\n[ \t]{0," + indent + "}", "\n");
                if (k == 0) {
                    t = t.startsWith("\n") ? t.substring(1) : t;
                }
                if (k == parts.size() - 1) {
                    t = t.replaceAll("\n[ \t]*\\z", "");
                }
                out.add(new Literal(t, lit.span()));
            } else {
                out.add(p);
            }
        }
        if (out.size() == 1) {
            return out.get(0);
        }
        return new Interpolated(out, e.span());
    }

    private static int commonIndent(String text) {
        int min = Integer.MAX_VALUE;
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int n = 0;
            while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
                n++;
            }
            min = Math.min(min, n);
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }
}
