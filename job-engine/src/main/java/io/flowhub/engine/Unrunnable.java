package io.flowhub.engine;

import java.util.Optional;

/**
 * A job that cannot run as asked (a policy refuses it, the job it undoes is gone): it fails with the
 * reason, having changed nothing.
 */
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
