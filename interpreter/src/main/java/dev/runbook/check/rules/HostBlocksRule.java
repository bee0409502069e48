package dev.runbook.check.rules;

import dev.runbook.check.CheckContext;
import dev.runbook.check.Rule;
import dev.runbook.model.Arg;
import dev.runbook.model.Batch;
import dev.runbook.model.HostBlock;
import dev.runbook.model.Invocation;
import dev.runbook.model.Param;
import dev.runbook.model.Step;
import dev.runbook.model.expr.Literal;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.util.Set;

/**
 * What an {@code on} block may hold. RB0170: a batch size of 0, 0% or over 100% (and a failure budget over 100%).
 * RB0175: a step (or its undo) whose type does not run through the host's connection ({@link Trait#ON_HOST}): it
 * would run on the runner once per host. RB0176: a relative path written in such a step: on a remote host there is
 * no runbook folder to resolve it against. RB0177: a param named {@code host}, which the host hides in the blocks.
 */
public final class HostBlocksRule implements Rule {
    /** The arguments the step types resolve as paths (there is no path type of argument to ask instead). */
    static final Set<String> PATH_ARGS = Set.of(
            "cwd",
            "dir",
            "path",
            "file",
            "ecosystem",
            "config",
            "conf",
            "repo",
            "prefix",
            "pm2_home",
            "pid_file",
            "error_log");

    @Override
    public void check(CheckContext context) {
        if (context.runbook().hostBlocks().isEmpty()) {
            return;
        }
        for (Param p : context.runbook().params()) {
            if (p.name().equals("host")) {
                context.diagnostics()
                        .error(
                                "RB0177",
                                p.nameSpan(),
                                "param `host` is hidden inside `on` blocks, where `host` is the host a step runs on;"
                                        + " rename the param");
            }
        }
        for (HostBlock h : context.runbook().hostBlocks()) {
            h.rolling().forEach(b -> size(context, b, "a batch"));
            if (h.maxFailures() != null
                    && h.maxFailures().percent()
                    && h.maxFailures().value() > 100) {
                context.diagnostics()
                        .error(
                                "RB0170",
                                h.maxFailures().span(),
                                "max_failures " + h.maxFailures() + " is more than all the hosts; use at most 100%");
            }
            for (Step s : h.steps()) {
                onHost(context, h, s.invocation(), "step `" + s.id() + "`");
                if (s.undo() != null) {
                    onHost(context, h, s.undo(), "the undo of step `" + s.id() + "`");
                }
            }
        }
    }

    private static void size(CheckContext context, Batch b, String what) {
        if (b.value() == 0) {
            context.diagnostics()
                    .error(
                            "RB0170",
                            b.span(),
                            what + " of " + b + (b.percent() ? "" : " hosts") + " never ends; use 1 or more");
        } else if (b.percent() && b.value() > 100) {
            context.diagnostics().error("RB0170", b.span(), what + " of " + b + " is more than all the hosts");
        }
    }

    private static void onHost(CheckContext context, HostBlock h, Invocation inv, String who) {
        String block = "`" + HostBoundary.header(h) + "`";
        if (inv.isCall()) {
            context.diagnostics()
                    .error(
                            "RB0175",
                            inv.typeSpan(),
                            who + ": a call runs from the runner and cannot run on the hosts of " + block
                                    + "; move it out of the block");
            return;
        }
        StepType type = context.type(inv.type()).orElse(null);
        if (type == null) {
            return;
        }
        if (!type.traits().contains(Trait.ON_HOST)) {
            context.diagnostics()
                    .error(
                            "RB0175",
                            inv.typeSpan(),
                            who + ": " + type.name() + " runs from the runner and cannot run on the hosts of " + block
                                    + "; move it out of the block, or make it a verify of the block (verifies run"
                                    + " from the runner)");
            return;
        }
        for (Arg a : inv.args()) {
            if ((PATH_ARGS.contains(a.name())
                            || (a.name().equals("script") && type.name().startsWith("pm2.")))
                    && a.value() instanceof Literal lit
                    && lit.value() instanceof String path
                    && !path.startsWith("/")) {
                context.diagnostics()
                        .error(
                                "RB0176",
                                a.value().span(),
                                who + ": `" + a.name() + ": \"" + path + "\"` is relative; on a remote host a relative"
                                        + " path has nothing to resolve against; write an absolute path or use"
                                        + " host.vars");
            }
        }
    }
}
