package dev.runbook.format;

import dev.runbook.source.SourceFile;
import dev.runbook.syntax.antlr.RunbookLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The comments of a runbook file. The model has none, so the printers place these by line: each comment is
 * anchored to a source line, and a printed element takes the comments anchored to the lines it came from.
 * The significant tokens are kept too, to find the lines of members the model has no span for
 * ({@code description}, a step's {@code on_failure}, {@code finally} and {@code on_failure} blocks).
 */
public final class Comments {
    private static final Comments NONE = new Comments(List.of(), List.of());
    private final List<Comment> all;
    private final List<Token> tokens;

    private Comments(List<Comment> all, List<Token> tokens) {
        this.all = List.copyOf(all);
        this.tokens = List.copyOf(tokens);
    }

    public static Comments none() {
        return NONE;
    }

    /** The comments of a DSL file (lexed) or a YAML file (scanned line by line). */
    public static Comments collect(SourceFile file) {
        if (file.isYaml()) {
            return new Comments(YamlComments.collect(file), List.of());
        }
        RunbookLexer lexer = new RunbookLexer(CharStreams.fromString(file.text()));
        lexer.removeErrorListeners();
        List<Token> significant = new ArrayList<>();
        List<Token> comments = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getType() == RunbookLexer.COMMENT || t.getType() == RunbookLexer.LINE_COMMENT) {
                comments.add(t);
            } else if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                significant.add(t);
            }
        }
        return new Comments(anchor(comments, significant), significant);
    }

    private static List<Comment> anchor(List<Token> comments, List<Token> significant) {
        List<Comment> out = new ArrayList<>();
        int next = 0;
        for (Token c : comments) {
            while (next < significant.size() && significant.get(next).getStartIndex() < c.getStartIndex()) {
                next++;
            }
            Token before = next == 0 ? null : significant.get(next - 1);
            String text = c.getText().stripTrailing();
            int line = c.getLine();
            if (before != null && endLine(before) == line) {
                out.add(new Comment(text, line, line, true, false));
            } else if (next < significant.size()) {
                out.add(new Comment(text, line, significant.get(next).getLine(), false, false));
            } else {
                out.add(new Comment(text, line, line, false, true));
            }
        }
        return out;
    }

    private static int endLine(Token t) {
        return t.getLine() + (int) t.getText().chars().filter(ch -> ch == '\n').count();
    }

    public List<Comment> all() {
        return all;
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** A fresh set of the comments not yet printed, for one printing. */
    CommentPool pool() {
        return new CommentPool(all);
    }

    /**
     * The lines from a keyword token (between the given lines, not after a dot) to the end of the token after it,
     * when that token's type is one of {@code followers}; null when there is none.
     */
    int[] clauseRange(int keyword, int fromLine, int toLine, Set<Integer> followers) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() != keyword || t.getLine() < fromLine || t.getLine() > toLine) {
                continue;
            }
            boolean afterDot = i > 0 && tokens.get(i - 1).getType() == RunbookLexer.DOT;
            Token follower = tokens.get(i + 1);
            if (!afterDot && followers.contains(follower.getType())) {
                return new int[] {t.getLine(), endLine(follower)};
            }
        }
        return null;
    }

    /** The lines of a {@code keyword { ... }} block: from the keyword to its closing brace; null when there is none. */
    int[] blockRange(int keyword, int fromLine, int toLine) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() != keyword
                    || t.getLine() < fromLine
                    || t.getLine() > toLine
                    || tokens.get(i + 1).getType() != RunbookLexer.LBRACE) {
                continue;
            }
            int depth = 0;
            for (int j = i + 1; j < tokens.size(); j++) {
                int type = tokens.get(j).getType();
                depth += type == RunbookLexer.LBRACE ? 1 : type == RunbookLexer.RBRACE ? -1 : 0;
                if (depth == 0) {
                    return new int[] {t.getLine(), tokens.get(j).getLine()};
                }
            }
        }
        return null;
    }
}
