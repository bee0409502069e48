package dev.runbook.format;

/**
 * One comment of a source file, as written ({@code # ...} or {@code // ...}), anchored to a line: a leading comment
 * to the line of the next significant token, a trailing one to its own line. {@code afterEnd} comments follow the
 * last token of the file.
 */
public record Comment(String text, int line, int anchorLine, boolean trailing, boolean afterEnd) {
    /** The text after the comment marker, e.g. {@code " note"} for {@code # note} and {@code // note}. */
    public String body() {
        return text.startsWith("//") ? text.substring(2) : text.startsWith("#") ? text.substring(1) : text;
    }

    /** The comment as YAML can hold it: always {@code #}. */
    public String asYaml() {
        return "#" + body();
    }
}
