package dev.runbook.stdlib.mongo.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mongorestore's --nsInclude, --nsExclude, --nsFrom and --nsTo: {@code *} matches anything, dots included, and
 * {@code \} escapes. Include and exclude test the source namespace; renames use the last matching rule first.
 */
public final class NamespaceRules {
    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final List<Rename> renames = new ArrayList<>();

    private record Rename(Pattern from, String to) {}

    /** Throws IllegalArgumentException, with a message for the runbook's author, when the rules do not fit. */
    public NamespaceRules(List<String> include, List<String> exclude, List<String> from, List<String> to) {
        this.include = compileAll(include);
        this.exclude = compileAll(exclude);
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("ns_from has " + from.size() + " patterns but ns_to has " + to.size());
        }
        for (int i = from.size() - 1; i >= 0; i--) {
            if (stars(from.get(i)) != stars(to.get(i))) {
                throw new IllegalArgumentException(
                        "ns_from '" + from.get(i) + "' and ns_to '" + to.get(i) + "' must have the same number of '*'");
            }
            renames.add(new Rename(compile(from.get(i)), to.get(i)));
        }
    }

    public boolean selects(String sourceNamespace) {
        boolean in = include.isEmpty()
                || include.stream().anyMatch(p -> p.matcher(sourceNamespace).matches());
        return in && exclude.stream().noneMatch(p -> p.matcher(sourceNamespace).matches());
    }

    /** The destination of a source namespace, if a rename rule matches it. */
    public Optional<String> rename(String sourceNamespace) {
        for (Rename r : renames) {
            Matcher m = r.from().matcher(sourceNamespace);
            if (m.matches()) {
                return Optional.of(substitute(r.to(), m));
            }
        }
        return Optional.empty();
    }

    private static String substitute(String to, Matcher m) {
        StringBuilder out = new StringBuilder();
        int group = 1;
        for (int i = 0; i < to.length(); i++) {
            char c = to.charAt(i);
            if (c == '\\' && i + 1 < to.length()) {
                out.append(to.charAt(++i));
            } else if (c == '*') {
                out.append(m.group(group++));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<Pattern> compileAll(List<String> patterns) {
        List<Pattern> out = new ArrayList<>();
        patterns.forEach(p -> out.add(compile(p)));
        return out;
    }

    static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append("(.*?)");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static int stars(String pattern) {
        int n = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '\\') {
                i++;
            } else if (pattern.charAt(i) == '*') {
                n++;
            }
        }
        return n;
    }
}
