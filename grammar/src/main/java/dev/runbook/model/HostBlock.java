package dev.runbook.model;

import dev.runbook.source.Span;
import java.util.List;

/**
 * {@code on TARGET [as ID] [rolling SIZES] [max_failures N] [undo_all] { steps and verifies }}: steps that run on
 * every host of TARGET (a group of the inventory, a host name, or {@code all}), one batch of hosts at a time.
 * {@code rolling} lists batch sizes (the last repeats; empty: all hosts in one batch); after each host's steps,
 * the block's {@code verifies} are that host's health gate. A host that fails its steps or its gate is undone;
 * when more hosts failed than {@code maxFailures} allows (null: none may fail) the rollout stops after that batch,
 * the batch's other hosts are undone, later batches are never touched, and earlier batches keep their state
 * unless {@code undoAll}. {@code id} names the block (its group by default) for plans, journals and outputs.
 */
public record HostBlock(
        String id,
        Span idSpan,
        String target,
        Span targetSpan,
        List<Batch> rolling,
        Batch maxFailures,
        boolean undoAll,
        List<Step> steps,
        List<Verify> verifies,
        Span span)
        implements Item {
    public HostBlock {
        rolling = List.copyOf(rolling);
        steps = List.copyOf(steps);
        verifies = List.copyOf(verifies);
    }

    /** The invocation type of the step a block runs as. */
    public static final String TYPE = "on";

    /**
     * The block as one step of its runbook's graph: the engine runs it as a whole, host by host, as it runs a
     * called runbook; its invocation is {@code on TARGET}.
     */
    public Step asStep() {
        Invocation on = new Invocation(TYPE, targetSpan, target, targetSpan, List.of(), span);
        return new Step(
                id, idSpan, on, null, null, List.of(), List.of(), null, null, null, null, null, List.of(), span);
    }

    /** The batch sizes for {@code hosts} hosts, in order: e.g. [1, 50%] over 5 hosts is 1, 3, 1. */
    public List<Integer> batches(int hosts) {
        List<Integer> out = new java.util.ArrayList<>();
        int left = hosts;
        int i = 0;
        while (left > 0) {
            Batch b = rolling.isEmpty() ? new Batch(100, true, span) : rolling.get(Math.min(i, rolling.size() - 1));
            int n = Math.min(left, b.of(hosts));
            out.add(n);
            left -= n;
            i++;
        }
        return out;
    }

    /** The hosts (or anything in their order) cut into this block's batches. */
    public <T> List<List<T>> inBatches(List<T> hosts) {
        List<List<T>> out = new java.util.ArrayList<>();
        int at = 0;
        for (int n : batches(hosts.size())) {
            out.add(List.copyOf(hosts.subList(at, at + n)));
            at += n;
        }
        return out;
    }
}
