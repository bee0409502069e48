package dev.runbook.format;

import dev.runbook.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the comments of a YAML file line by line: a {@code #} at the start of a line or after a space, outside
 * quotes and block scalars. Anchored like DSL comments: to the next line with content, or to their own line.
 */
final class YamlComments {
    private YamlComments() {}

    static List<Comment> collect(SourceFile file) {
        List<Comment> out = new ArrayList<>();
        List<String[]> pending = new ArrayList<>();
        int lines = file.text().split("\n", -1).length;
        int blockIndent = -1;
        for (int n = 1; n <= lines; n++) {
            String line = file.line(n);
            int indent = indentOf(line);
            if (blockIndent >= 0) {
                if (line.isBlank() || indent > blockIndent) {
                    continue;
                }
                blockIndent = -1;
            }
            int hash = commentStart(line);
            String content = hash < 0 ? line : line.substring(0, hash);
            if (content.isBlank()) {
                if (hash >= 0) {
                    pending.add(new String[] {line.substring(hash).stripTrailing(), Integer.toString(n)});
                }
                continue;
            }
            for (String[] p : pending) {
                out.add(new Comment(p[0], Integer.parseInt(p[1]), n, false, false));
            }
            pending.clear();
            if (hash >= 0) {
                out.add(new Comment(line.substring(hash).stripTrailing(), n, n, true, false));
            }
            if (content.stripTrailing().matches(".*(^|[:\\-]\\s*)[|>][+\\-0-9]*")) {
                blockIndent = indent;
            }
        }
        for (String[] p : pending) {
            int line = Integer.parseInt(p[1]);
            out.add(new Comment(p[0], line, line, false, true));
        }
        return out;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The index of the {@code #} that starts a comment on this line, or -1. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (quote == '"' && c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            } else if ((c == '"' || c == '\'') && (i == 0 || " \t:,[{-".indexOf(line.charAt(i - 1)) >= 0)) {
                quote = c;
            }
        }
        return -1;
    }
}
