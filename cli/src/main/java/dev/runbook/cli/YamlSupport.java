package dev.runbook.cli;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Runbook;
import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;

/** The YAML front-end as the reader sees it. */
final class YamlSupport {
    private YamlSupport() {
    }

    static Runbook read(SourceFile file, Diagnostics diagnostics) {
        diagnostics.error("RB0012", Span.synthetic(file.path()), "YAML runbooks are not supported by this build");
        return null;
    }
}
