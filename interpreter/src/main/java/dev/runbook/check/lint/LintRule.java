package dev.runbook.check.lint;

import dev.runbook.check.Rule;

/** A safety rule: a warning with a stable code, a short name and a help text for SARIF and the docs. */
public interface LintRule extends Rule {
    /** The stable code, {@code RB06xx}. */
    String code();

    /** A kebab-case name, e.g. {@code destructive-without-confirm}. */
    String name();

    /** What the rule looks for and how to fix it, in one or two sentences. */
    String help();
}
