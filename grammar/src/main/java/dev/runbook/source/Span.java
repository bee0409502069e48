package dev.runbook.source;

/** A range of a source file, start inclusive and end exclusive. */
public record Span(SourceFile file, Position start, Position end) {
    public static Span of(SourceFile file, Position start, Position end) {
        return new Span(file, start, end);
    }

    /** A span that points at no text, for nodes made by the program rather than read. */
    public static Span synthetic(String name) {
        SourceFile file = SourceFile.of(name, "");
        return new Span(file, Position.START, Position.START);
    }

    public Span to(Span other) {
        return new Span(file, start, other.end);
    }

    public String path() {
        return file.path();
    }

    public String text() {
        return file.text().substring(start.offset(), Math.max(start.offset(), end.offset()));
    }

    @Override
    public String toString() {
        return file.path() + ":" + start;
    }
}
