package dev.runbook.cli;

import dev.runbook.check.CallResolver;
import dev.runbook.check.CheckContext;
import dev.runbook.check.Checker;
import dev.runbook.check.Rule;
import dev.runbook.check.rules.CheckRules;
import dev.runbook.check.rules.DependenciesRule;
import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Item;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.plan.Program;
import dev.runbook.source.Span;
import dev.runbook.spi.StepRegistry;
import dev.runbook.syntax.ExpressionParser;
import dev.runbook.syntax.RunbookReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Wires the phases together: read, check (called runbooks too), and the registry every command shares. */
final class Workbench implements CallResolver {
    private final StepRegistry registry;
    private final RunbookReader reader;
    private final List<Rule> rules;
    private final Deque<Path> calling = new ArrayDeque<>();
    /** Every file read by this workbench, read once: a call tree holds what was checked, never a later read. */
    private final java.util.Map<Path, Loaded> loadedFiles = new java.util.HashMap<>();

    Workbench(StepRegistry registry, List<Rule> extraRules) {
        this.registry = registry;
        this.reader = new RunbookReader(dev.runbook.yaml.YamlReader::read);
        List<Rule> all = new ArrayList<>(CheckRules.all());
        all.addAll(extraRules);
        this.rules = List.copyOf(all);
    }

    StepRegistry registry() {
        return registry;
    }

    RunbookReader reader() {
        return reader;
    }

    /** Reads and checks a file; null when it has errors (all of them reported into {@code diagnostics}). */
    Loaded load(Path path, Diagnostics diagnostics) {
        Path absolute = path.toAbsolutePath().normalize();
        calling.push(absolute);
        try {
            Diagnostics read = new Diagnostics();
            Runbook rb = reader.read(path, read);
            diagnostics.addAll(read);
            // a model whose only errors are expressions that do not parse is still checked, so all errors show;
            // after other errors the checker would only repeat them
            boolean checkable = rb != null
                    && read.all().stream().filter(Diagnostic::isError).allMatch(ExpressionParser::isExpressionError);
            if (!checkable) {
                return null;
            }
            CheckContext checked = new Checker(registry, this, rules).check(rb, diagnostics);
            if (diagnostics.hasErrors()) {
                return null;
            }
            Loaded loaded = new Loaded(path, rb, checked, program(rb, checked));
            loadedFiles.put(absolute, loaded);
            return loaded;
        } finally {
            calling.pop();
        }
    }

    /** The program of a checked runbook: each call step's callee, as this workbench read and checked it. */
    private Program program(Runbook rb, CheckContext checked) {
        java.util.Map<String, Program> calls = new java.util.LinkedHashMap<>();
        for (Step s : rb.allSteps()) {
            if (s.invocation().isCall()) {
                Loaded callee = loadedFiles.get(file(rb, s.invocation().target()));
                if (callee != null) {
                    calls.put(s.id(), callee.program());
                }
            }
        }
        for (HostBlock h : rb.hostBlocks()) {
            java.util.Map<String, Program> inner = new java.util.LinkedHashMap<>();
            h.steps().stream()
                    .filter(s -> calls.containsKey(s.id()))
                    .forEach(s -> inner.put(s.id(), calls.remove(s.id())));
            Runbook steps = new Runbook(
                    rb.name() + " on " + h.target(),
                    rb.nameSpan(),
                    null,
                    rb.params(),
                    null,
                    List.of(),
                    List.copyOf(h.steps()),
                    List.of(),
                    List.of(),
                    h.verifies(),
                    List.of(),
                    rb.source(),
                    h.span());
            calls.put(h.id(), new Program(steps, DependenciesRule.blockGraph(checked, h), inner, h));
        }
        return new Program(lowered(rb), checked.graph(), calls);
    }

    /** The runbook as the engine runs it: each host block one step (its program is among the calls). */
    private static Runbook lowered(Runbook rb) {
        if (rb.hostBlocks().isEmpty()) {
            return rb;
        }
        List<Item> items = rb.items().stream()
                .map(i -> i instanceof HostBlock h ? h.asStep() : i)
                .toList();
        return new Runbook(
                rb.name(),
                rb.nameSpan(),
                rb.description(),
                rb.params(),
                rb.lock(),
                rb.requires(),
                items,
                rb.finallySteps(),
                rb.onFailureSteps(),
                rb.verifies(),
                rb.invariants(),
                rb.source(),
                rb.span());
    }

    private static Path file(Runbook caller, String target) {
        Path base = Path.of(caller.source().path()).toAbsolutePath().getParent();
        return (base == null ? Path.of(target) : base.resolve(target))
                .toAbsolutePath()
                .normalize();
    }

    @Override
    public Runbook resolve(Runbook caller, String target, Span where, Diagnostics diagnostics) {
        Path file = file(caller, target);
        Loaded known = loadedFiles.get(file);
        if (known != null) {
            return known.runbook(); // called twice in the tree: read and checked once
        }
        if (!Files.isRegularFile(file)) {
            diagnostics.error("RB0140", where, "cannot call " + target + ": no such file " + file);
            return null;
        }
        if (calling.contains(file)) {
            diagnostics.error("RB0143", where, "runbook " + target + " calls itself (directly or through others)");
            return null;
        }
        Diagnostics inner = new Diagnostics();
        Loaded loaded = load(file, inner);
        if (loaded == null) {
            diagnostics.add(Diagnostic.error(
                    "RB0140",
                    where,
                    "the called runbook " + target + " is invalid (" + inner.errorCount()
                            + (inner.errorCount() == 1 ? " error" : " errors") + "); run `runbook check " + file
                            + "`"));
            return null;
        }
        return loaded.runbook();
    }
}
