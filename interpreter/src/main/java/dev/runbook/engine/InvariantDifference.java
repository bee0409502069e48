package dev.runbook.engine;

/**
 * A field of an invariant that was not as it was: {@code before} and {@code after} as text (a field that could not be
 * read says why). {@code field} is the output's name, or {@code output.key} inside a map (a collection's count).
 */
public record InvariantDifference(String invariant, String field, String before, String after) {
    public String path() {
        return field.isEmpty() ? invariant : invariant + "." + field;
    }
}
