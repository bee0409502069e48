package dev.runbook.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The comments not yet printed during one printing; each is taken once, so none is printed twice. */
final class CommentPool {
    private final List<Comment> left;

    CommentPool(List<Comment> comments) {
        this.left = new ArrayList<>(comments);
    }

    /** Leading comments anchored to {@code line}. */
    List<Comment> leading(int line) {
        return take(c -> !c.trailing() && !c.afterEnd() && c.anchorLine() == line);
    }

    /** The trailing comment of {@code line}, or null. */
    Comment trailing(int line) {
        List<Comment> found = take(c -> c.trailing() && c.anchorLine() == line);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Comments inside an element written over lines {@code from..to}: leading after its first line, trailing before its last. */
    List<Comment> inner(int from, int to) {
        return take(c -> !c.afterEnd()
                && (c.trailing()
                        ? c.anchorLine() >= from && c.anchorLine() < to
                        : c.anchorLine() > from && c.anchorLine() <= to));
    }

    /** Every comment anchored to lines {@code from..to}. */
    List<Comment> within(int from, int to) {
        return take(c -> !c.afterEnd() && c.anchorLine() >= from && c.anchorLine() <= to);
    }

    boolean anyInside(int from, int to) {
        return left.stream()
                .anyMatch(c -> !c.afterEnd()
                        && (c.trailing()
                                ? c.anchorLine() >= from && c.anchorLine() < to
                                : c.anchorLine() > from && c.anchorLine() <= to));
    }

    /** Every comment not printed yet except those after the end of the file. */
    List<Comment> rest() {
        return take(c -> !c.afterEnd());
    }

    List<Comment> afterEnd() {
        return take(Comment::afterEnd);
    }

    private List<Comment> take(Predicate<Comment> which) {
        List<Comment> out = new ArrayList<>();
        left.removeIf(c -> {
            if (which.test(c)) {
                out.add(c);
                return true;
            }
            return false;
        });
        return out;
    }
}
