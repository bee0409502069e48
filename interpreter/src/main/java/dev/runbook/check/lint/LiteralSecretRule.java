package dev.runbook.check.lint;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Refs;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.model.Param;
import dev.runbook.model.expr.Literal;
import dev.runbook.source.Span;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RB0604 (warning): a secret written in the file: a {@code secret} param whose default is literal text (not
 * {@code env(...)}), or a URI with a password in it ({@code mongodb://user:pass@host}).
 */
public final class LiteralSecretRule implements LintRule {
    private static final Pattern URI_PASSWORD =
            Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,31}://[^/\\s:@]{1,256}:[^@\\s/]{1,256}@");

    @Override
    public String code() {
        return "RB0604";
    }

    @Override
    public String name() {
        return "literal-secret";
    }

    @Override
    public String help() {
        return "Secrets do not belong in a runbook file: give a secret param the default env(\"NAME\"), and build "
                + "URIs from it (mongodb://user:${password}@host).";
    }

    @Override
    public void check(CheckContext context) {
        Set<Span> reported = new HashSet<>();
        for (Param p : context.runbook().params()) {
            if (p.type().isSecret() && p.defaultValue() != null && StringLiterals.literalText(p.defaultValue())) {
                reported.add(p.defaultValue().span());
                context.diagnostics()
                        .add(Diagnostic.warning(
                                        code(),
                                        p.defaultValue().span(),
                                        "secret param `" + p.name() + "` has its value written in the file")
                                .withHint("use `env(\"" + p.name().toUpperCase(java.util.Locale.ROOT)
                                        + "\")` and give the value through the environment or --param"));
            }
        }
        for (var e : Refs.all(context.runbook())) {
            StringLiterals.each(e, literal -> uri(context, literal, reported));
        }
    }

    private void uri(CheckContext context, Literal literal, Set<Span> reported) {
        String text = (String) literal.value();
        if (text.contains("://") && URI_PASSWORD.matcher(text).find() && !reported.contains(literal.span())) {
            reported.add(literal.span());
            context.diagnostics()
                    .add(Diagnostic.warning(code(), literal.span(), "a password is written in this URI")
                            .withHint("take it from a secret param: \"mongodb://user:${password}@host\""));
        }
    }
}
