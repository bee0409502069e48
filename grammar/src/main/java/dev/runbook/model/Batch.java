package dev.runbook.model;

import dev.runbook.source.Span;

/** A batch size of a rolling block, or its failure budget: a number of hosts, or a percent of them. */
public record Batch(int value, boolean percent, Span span) {
    /** How many of {@code hosts} hosts this size is: a percent rounds up, never below one, never above all. */
    public int of(int hosts) {
        if (hosts == 0) {
            return 0;
        }
        int n = percent ? (int) Math.ceil(hosts * (value / 100.0)) : value;
        return Math.max(1, Math.min(hosts, n));
    }

    /** How many failed hosts this budget allows out of {@code hosts} (a percent rounds down; zero allowed). */
    public int allowed(int hosts) {
        return percent ? (int) Math.floor(hosts * (value / 100.0)) : value;
    }

    @Override
    public String toString() {
        return value + (percent ? "%" : "");
    }
}
