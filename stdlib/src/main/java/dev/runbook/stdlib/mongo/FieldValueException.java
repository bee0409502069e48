package dev.runbook.stdlib.mongo;

/** A field of a JSON backup whose value does not parse as its declared type: where it is, and what is wrong. */
final class FieldValueException extends Exception {
    private final String field;

    FieldValueException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    /** The field as it sits in the document, with array positions: {@code chunks[2]}, {@code metadata.indexedAt}. */
    String field() {
        return field;
    }
}
