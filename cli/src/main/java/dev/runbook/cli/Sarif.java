package dev.runbook.cli;

import dev.runbook.check.lint.LintRule;
import dev.runbook.check.lint.LintRules;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostics as SARIF 2.1.0, for code scanning (GitHub uploads it with codeql-action/upload-sarif): one run, the
 * safety rules and every other code found as {@code tool.driver.rules}, one result per diagnostic.
 */
final class Sarif {
    private Sarif() {}

    static Map<String, Object> of(List<Diagnostic> diagnostics) {
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        for (LintRule r : LintRules.all()) {
            rules.put(r.code(), rule(r.code(), r.name(), r.help(), "warning"));
        }
        List<Object> results = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            rules.computeIfAbsent(
                    d.code(),
                    code -> rule(
                            code,
                            null,
                            "runbook check: " + code + " (see the diagnostic codes in docs/language.md)",
                            d.severity().label()));
            results.add(result(d, new ArrayList<>(rules.keySet()).indexOf(d.code())));
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "runbook");
        driver.put("semanticVersion", "0.1.0");
        driver.put("rules", new ArrayList<>(rules.values()));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("columnKind", "unicodeCodePoints");
        run.put("results", results);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        out.put("version", "2.1.0");
        out.put("runs", List.of(run));
        return out;
    }

    private static Map<String, Object> rule(String id, String name, String help, String level) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        if (name != null) {
            r.put("name", name);
        }
        r.put("shortDescription", Map.of("text", help));
        r.put("help", Map.of("text", help));
        r.put("defaultConfiguration", Map.of("level", level));
        return r;
    }

    private static Map<String, Object> result(Diagnostic d, int ruleIndex) {
        StringBuilder text = new StringBuilder(d.message());
        for (Diagnostic.Note n : d.notes()) {
            if (n.span() == null) {
                text.append("\nhelp: ").append(n.text());
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ruleId", d.code());
        r.put("ruleIndex", (long) ruleIndex);
        r.put("level", d.isError() ? "error" : "warning");
        r.put("message", Map.of("text", text.toString()));
        if (d.span() != null) {
            r.put("locations", List.of(Map.of("physicalLocation", location(d.span()))));
        }
        return r;
    }

    private static Map<String, Object> location(Span span) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", (long) Math.max(1, span.start().line()));
        region.put("startColumn", (long) Math.max(1, span.start().column()));
        region.put("endLine", (long) Math.max(1, span.end().line()));
        region.put("endColumn", (long) Math.max(1, span.end().column()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("artifactLocation", Map.of("uri", span.path().replace('\\', '/')));
        if (!span.file().text().isEmpty()) {
            out.put("region", region);
        }
        return out;
    }
}
