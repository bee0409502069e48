package dev.runbook.testing;

import dev.runbook.engine.Approver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An approver with fixed answers that keeps the questions it was asked, as {@code <step>: <question>}. */
public final class TestApprover implements Approver {
    private final boolean canAsk;
    private final boolean answer;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private TestApprover(boolean canAsk, boolean answer) {
        this.canAsk = canAsk;
        this.answer = answer;
    }

    /** Like --yes. */
    public static TestApprover approving() {
        return new TestApprover(true, true);
    }

    /** An operator at a terminal who answers no. */
    public static TestApprover refusing() {
        return new TestApprover(true, false);
    }

    /** No terminal and no --yes: nobody can answer. */
    public static TestApprover nobody() {
        return new TestApprover(false, false);
    }

    @Override
    public boolean canAsk(String stepId) {
        return canAsk;
    }

    @Override
    public boolean approve(String stepId, String question) {
        asked.add(stepId + ": " + question);
        return canAsk && answer;
    }

    public List<String> asked() {
        return List.copyOf(asked);
    }
}
