package dev.runbook.check;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.source.Span;

/** Finds and reads the runbook a {@code call} step names, relative to the calling file. */
public interface CallResolver {
    /** The called runbook, or null after reporting at {@code where} why it cannot be used. */
    Runbook resolve(Runbook caller, String target, Span where, Diagnostics diagnostics);
}
