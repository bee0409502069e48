package dev.runbook.plan.diff;

import java.util.ArrayList;
import java.util.List;

/** The changes from one plan to another, risky ones first, then in the order of {@link ChangeKind}. */
public record PlanDiff(String oldName, String newName, String oldLabel, String newLabel, List<Change> changes) {
    public PlanDiff {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort((a, b) ->
                a.risky() != b.risky() ? (a.risky() ? -1 : 1) : a.kind().compareTo(b.kind()));
        changes = List.copyOf(sorted);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<Change> risky() {
        return changes.stream().filter(Change::risky).toList();
    }
}
