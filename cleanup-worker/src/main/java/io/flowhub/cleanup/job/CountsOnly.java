package io.flowhub.cleanup.job;

import io.flowhub.engine.BatchContext;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.LedgerEntry;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A step done in one batch that records counts it worked out: a dry run's "would delete", a sweep's
 * "removed". What the counts name is done (or, for a dry run, not done) by the supplier itself.
 */
public final class CountsOnly implements Steps.Step {

    private final String name;
    private final Supplier<CleanupResult> counts;

    public CountsOnly(String name, Supplier<CleanupResult> counts) {
        this.name = name;
        this.counts = counts;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<LedgerEntry> next(BatchContext batch) {
        if (owns(batch)) {
            return Optional.empty();
        }
        CleanupResult counted = counts.get();
        return Optional.of(batch.record(List.of(), CleanupCounts.processed(counted), List.of(), counted,
                batch.checkpoint().next(name, 0, null), Optional.empty()));
    }
}
