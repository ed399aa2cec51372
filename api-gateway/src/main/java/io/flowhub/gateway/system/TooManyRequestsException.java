package io.flowhub.gateway.system;

import java.time.Duration;

/** A caller over one of its limits: a 429 whose {@code Retry-After} says when the limit lets it in again. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** @return the whole seconds to wait, at least one */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
