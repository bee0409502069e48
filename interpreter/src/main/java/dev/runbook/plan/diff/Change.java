package dev.runbook.plan.diff;

/**
 * One difference between two plans. {@code subject} says where (step `restore`, param `app`), {@code detail} what
 * (argument `drop`, verify), {@code before}/{@code after} the two values (null: absent). {@code risk} says why a
 * reviewer should look twice (verify removed, drop switched on...); null when the change is ordinary.
 */
public record Change(ChangeKind kind, String subject, String detail, String before, String after, String risk) {
    public boolean risky() {
        return risk != null;
    }

    public Change withRisk(String why) {
        return new Change(kind, subject, detail, before, after, why);
    }
}
