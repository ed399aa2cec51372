package io.flowhub.cleanup.job;

import io.flowhub.store.job.BatchContext;
import io.flowhub.store.job.JobWork;
import io.flowhub.store.job.LedgerEntry;

import java.util.Optional;

/** A cleanup that cannot run as asked (its user is unknown): its job fails with the reason, having deleted nothing. */
public record Unrunnable(String reason) implements JobWork {

    @Override
    public Optional<String> refusal() {
        return Optional.of(reason);
    }

    @Override
    public Optional<LedgerEntry> next(BatchContext batch) {
        return Optional.empty();
    }
}
