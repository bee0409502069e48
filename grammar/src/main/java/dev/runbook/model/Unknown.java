package dev.runbook.model;

/**
 * An argument value that is not known before the run (it reads an earlier step's outputs). Only plans see it;
 * Args.show prints it as {@code <expression>}.
 */
public record Unknown(String expression) {
    @Override
    public String toString() {
        return "<" + expression + ">";
    }
}
