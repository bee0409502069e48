package dev.runbook.format;

import static dev.runbook.format.DslPrinter.endLine;
import static dev.runbook.format.DslPrinter.line;

import dev.runbook.model.Batch;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Invariant;
import dev.runbook.model.Item;
import dev.runbook.model.NameRef;
import dev.runbook.model.Parallel;
import dev.runbook.model.Param;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.model.Verify;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a runbook in the canonical YAML form: block style, keys in the order of the DSL printer, flow maps for
 * short argument lists and param declarations. Comments come back as {@code #} lines above the keys and items
 * their lines belong to.
 */
public final class YamlPrinter {
    private final YamlBlock yaml;
    private final Lines out;
    private final YamlStepPrinter steps;

    private YamlPrinter(Comments comments) {
        this.out = new Lines(comments.pool(), "  ", Comment::asYaml, false);
        this.yaml = new YamlBlock(out);
        this.steps = new YamlStepPrinter(yaml, comments);
    }

    public static String print(Runbook runbook, Comments comments) {
        YamlPrinter printer = new YamlPrinter(comments == null ? Comments.none() : comments);
        printer.runbook(runbook);
        return printer.out.text();
    }

    private void runbook(Runbook rb) {
        int nameLine = line(rb.nameSpan());
        out.line(
                0,
                "runbook: " + YamlScalars.string(rb.name()),
                line(rb.span()),
                DslPrinter.firstMemberLine(rb) == nameLine ? -1 : nameLine);
        if (rb.description() != null) {
            yaml.text(0, "description", rb.description(), -1, -1);
        }
        if (!rb.params().isEmpty()) {
            out.plain(0, "params:");
            rb.params().forEach(this::param);
        }
        if (rb.lock() != null) {
            yaml.value(
                    0,
                    "lock",
                    rb.lock(),
                    line(rb.lock().span()),
                    endLine(rb.lock().span()));
        }
        steps.guards(0, rb.requires());
        if (!rb.items().isEmpty()) {
            out.plain(0, "steps:");
            rb.items().forEach(this::item);
        }
        if (!rb.verifies().isEmpty()) {
            out.plain(0, "verify:");
            rb.verifies().forEach(v -> verify(2, v));
        }
        if (!rb.invariants().isEmpty()) {
            out.plain(0, "invariant:");
            rb.invariants().forEach(this::invariant);
        }
        stepList("finally", rb.finallySteps());
        stepList("on_failure", rb.onFailureSteps());
        out.comments(0, out.pool().rest());
        out.comments(0, out.pool().afterEnd());
    }

    private void param(Param p) {
        int from = line(p.span());
        int to = endLine(p.span());
        String type = YamlScalars.string(DslPrinter.typeLabel(p));
        if (p.defaultValue() == null && p.description() == null) {
            out.line(1, YamlScalars.key(p.name()) + ": " + type, from, to);
            return;
        }
        List<String> entries = new ArrayList<>(List.of("type: " + type));
        if (p.defaultValue() != null) {
            entries.add("default: " + YamlScalars.value(p.defaultValue()));
        }
        if (p.description() != null) {
            entries.add("description: " + YamlScalars.string(p.description()));
        }
        String flow = YamlScalars.key(p.name()) + ": {" + String.join(", ", entries) + "}";
        if (2 + flow.length() <= YamlBlock.WIDTH && flow.indexOf('\n') < 0) {
            out.line(1, flow, from, to);
            return;
        }
        out.comments(1, out.pool().within(from, to));
        out.line(1, YamlScalars.key(p.name()) + ":", from, from);
        out.line(2, "type: " + type, -1, -1);
        if (p.defaultValue() != null) {
            yaml.value(2, "default", p.defaultValue(), -1, -1);
        }
        if (p.description() != null) {
            yaml.text(2, "description", p.description(), -1, -1);
        }
    }

    private void item(Item item) {
        if (item instanceof Step s) {
            steps.step(2, s);
            return;
        }
        if (item instanceof HostBlock h) {
            hostBlock(h);
            return;
        }
        Parallel p = (Parallel) item;
        out.line(1, "- parallel:", line(p.span()), line(p.span()));
        p.steps().forEach(s -> steps.step(4, s));
        out.comments(3, out.pool().within(line(p.span()), endLine(p.span())));
    }

    /** {@code - on: TARGET} with its keys at level 2, its steps and verifies one level deeper. */
    private void hostBlock(HostBlock h) {
        int from = line(h.span());
        yaml.item();
        yaml.key(2, "on: " + YamlScalars.string(h.target()), from, from);
        if (!h.id().equals(h.target())) {
            yaml.key(2, "as: " + YamlScalars.string(h.id()), -1, -1);
        }
        if (h.rolling().size() == 1) {
            yaml.key(2, "rolling: " + batch(h.rolling().get(0)), -1, -1);
        } else if (!h.rolling().isEmpty()) {
            List<String> sizes = h.rolling().stream().map(YamlPrinter::batch).toList();
            yaml.key(2, "rolling: [" + String.join(", ", sizes) + "]", -1, -1);
        }
        if (h.maxFailures() != null) {
            yaml.key(2, "max_failures: " + batch(h.maxFailures()), -1, -1);
        }
        if (h.undoAll()) {
            yaml.key(2, "undo_all: true", -1, -1);
        }
        yaml.key(2, "steps:", -1, -1);
        h.steps().forEach(s -> steps.step(4, s));
        if (!h.verifies().isEmpty()) {
            yaml.key(2, "verify:", -1, -1);
            h.verifies().forEach(v -> verify(4, v));
        }
        out.comments(3, out.pool().within(from, endLine(h.span())));
    }

    private static String batch(Batch b) {
        return b.percent() ? "\"" + b + "\"" : b.toString();
    }

    /** A runbook-level verify as a list item whose keys sit at {@code level}. */
    private void verify(int level, Verify v) {
        int from = line(v.span());
        yaml.item();
        yaml.text(level, "name", v.name() == null ? "" : v.name(), from, from);
        if (v.probe() != null) {
            yaml.invocation(level, v.probe(), from, Math.max(from, DslPrinter.invocationEnd(v.probe())));
        }
        yaml.key(
                level,
                "expect: " + YamlScalars.expression(v.condition()),
                line(v.condition().span()),
                endLine(v.condition().span()));
        if (v.within() != null) {
            yaml.key(level, "within: " + YamlScalars.value(v.within()), -1, -1);
        }
        if (v.every() != null) {
            yaml.key(level, "every: " + YamlScalars.value(v.every()), -1, -1);
        }
        out.comments(level, out.pool().within(from, endLine(v.span())));
    }

    private void invariant(Invariant inv) {
        int from = line(inv.span());
        yaml.item();
        yaml.key(2, "id: " + YamlScalars.string(inv.id()), from, from);
        yaml.invocation(2, inv.probe(), from, Math.max(from, DslPrinter.invocationEnd(inv.probe())));
        if (!inv.compare().isEmpty()) {
            List<NameRef> fields = inv.compare();
            yaml.key(
                    2,
                    "compare: ["
                            + String.join(
                                    ", ",
                                    fields.stream()
                                            .map(n -> YamlScalars.string(n.name()))
                                            .toList()) + "]",
                    line(fields.get(0).span()),
                    endLine(fields.get(fields.size() - 1).span()));
        }
        out.comments(2, out.pool().within(from, endLine(inv.span())));
    }

    private void stepList(String key, List<Step> list) {
        if (list.isEmpty()) {
            return;
        }
        out.plain(0, key + ":");
        list.forEach(s -> steps.step(2, s));
    }
}
