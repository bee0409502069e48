package dev.runbook.check.lint;

import java.util.List;

/** The safety lint: warnings about runbooks that would work, but not safely. {@code check --strict} fails on them. */
public final class LintRules {
    private LintRules() {}

    public static List<LintRule> all() {
        return List.of(
                new DestructiveWithoutBackupRule(),
                new DestructiveWithoutConfirmRule(),
                new UnverifiedWriteRule(),
                new ReloadWithoutHealthCheckRule(),
                new LiteralSecretRule(),
                new ShellWithoutShellSyntaxRule(),
                new UnboundedRetryRule(),
                new RelativeUndoRule());
    }
}
