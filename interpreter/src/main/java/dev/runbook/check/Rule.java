package dev.runbook.check;

/** One check over a runbook; reports what it finds to the context's diagnostics and never throws. */
public interface Rule {
    void check(CheckContext context);
}
