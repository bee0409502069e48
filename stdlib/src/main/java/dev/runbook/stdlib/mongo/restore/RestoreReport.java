package dev.runbook.stdlib.mongo.restore;

import java.util.List;

/** What a restore did per destination collection, and the error that stopped it (null when it ran through). */
public record RestoreReport(List<Tally> tallies, String error) {
    public RestoreReport {
        tallies = List.copyOf(tallies);
    }

    public long expected() {
        return tallies.stream().mapToLong(Tally::expected).sum();
    }

    public long restored() {
        return tallies.stream().mapToLong(Tally::restored).sum();
    }

    public long failures() {
        return tallies.stream().mapToLong(Tally::failures).sum();
    }
}
