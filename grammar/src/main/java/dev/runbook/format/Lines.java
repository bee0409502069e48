package dev.runbook.format;

import java.util.List;
import java.util.function.Function;

/**
 * The printed text, line by line, with the comments of the lines each printed line came from: leading comments
 * above it, comments from inside a collapsed element above it too, the trailing comment at its end.
 */
final class Lines {
    private final StringBuilder out = new StringBuilder();
    private final CommentPool pool;
    private final String indentUnit;
    private final Function<Comment, String> render;
    private final boolean trailingAllowed;
    /** YAML: comment lines wait for the next line and take its indent, as they would when read back. */
    private final List<String> waiting = new java.util.ArrayList<>();

    private boolean blankPending;
    private boolean atBlockStart = true;

    Lines(CommentPool pool, String indentUnit, Function<Comment, String> render, boolean trailingAllowed) {
        this.pool = pool;
        this.indentUnit = indentUnit;
        this.render = render;
        this.trailingAllowed = trailingAllowed;
    }

    CommentPool pool() {
        return pool;
    }

    /** One printed line standing for source lines {@code from..to} (-1 when unknown). */
    void line(int indent, String text, int from, int to) {
        comments(indent, pool.leading(from));
        comments(indent, pool.inner(from, to));
        Comment trailing = pool.trailing(to);
        if (trailing != null && !trailingAllowed) {
            comments(indent, List.of(trailing));
            trailing = null;
        }
        raw(indent, trailing == null ? text : text + "  " + render.apply(trailing));
        atBlockStart = text.endsWith("{") || text.endsWith(":");
    }

    /**
     * The closing line of a block written over source lines {@code from..to}: the comments left inside the block
     * go above it, at {@code innerIndent}; the trailing comment of its last line stays on it.
     */
    void close(int indent, int innerIndent, String text, int from, int to) {
        Comment trailing = pool.trailing(to);
        List<Comment> inside = pool.within(from, to);
        if (trailing != null && !trailingAllowed) {
            inside.add(trailing);
            trailing = null;
        }
        comments(innerIndent, inside);
        blankPending = false;
        raw(indent, trailing == null ? text : text + "  " + render.apply(trailing));
    }

    /** A line with no source of its own. */
    void plain(int indent, String text) {
        line(indent, text, -1, -1);
    }

    /** A line printed as is (the body of a YAML block scalar); blank lines stay empty. */
    void plainUnindented(String text) {
        raw(0, text);
    }

    void comments(int indent, List<Comment> comments) {
        for (Comment c : comments) {
            if (trailingAllowed) {
                raw(indent, render.apply(c));
            } else {
                waiting.add(render.apply(c));
            }
        }
    }

    /** A blank line before the next line, unless it opens a block. */
    void gap() {
        if (!atBlockStart && out.length() > 0) {
            blankPending = true;
        }
    }

    private void raw(int indent, String text) {
        if (blankPending) {
            out.append('\n');
            blankPending = false;
        }
        int taken = text.isEmpty()
                ? 0
                : indentUnit.length() * indent
                        + text.length()
                        - text.stripLeading().length();
        for (String comment : waiting) {
            out.append(" ".repeat(taken)).append(comment).append('\n');
        }
        waiting.clear();
        out.append(indentUnit.repeat(indent)).append(text).append('\n');
        atBlockStart = false;
    }

    String text() {
        waiting.forEach(c -> out.append(c).append('\n'));
        waiting.clear();
        return out.toString();
    }
}
