package dev.runbook.model;

import java.util.Locale;

/** The types of values that expressions, parameters and step outputs carry. */
public enum Type {
    STRING,
    INT,
    DOUBLE,
    BOOL,
    DURATION,
    LIST,
    MAP,
    NULL,
    ANY;

    public String label() {
        return this == DOUBLE ? "number" : name().toLowerCase(Locale.ROOT);
    }

    /** The label with its article, for messages: "an int", "a string". */
    public String a() {
        return (this == INT || this == ANY ? "an " : "a ") + label();
    }

    public boolean isNumeric() {
        return this == INT || this == DOUBLE;
    }

    /** Whether a value of type {@code other} may be used where this type is expected. */
    public boolean accepts(Type other) {
        if (this == ANY || other == ANY || this == other || other == NULL) {
            return true;
        }
        return this == DOUBLE && other == INT;
    }
}
