package io.flowhub.gateway.system;

import java.time.Duration;
import java.util.Locale;

/** A caller over one of its limits: a 429 whose {@code Retry-After} says when the limit lets it in again. */
public class TooManyRequestsException extends RuntimeException {

    /** Which limit refused: the {@code limit} label of {@code flowhub_requests_throttled_total}. */
    public enum Limit {
        /** sign-in, OTP request and OTP verify attempts per address and per client */
        SIGN_IN,
        /** queued or running jobs of one kind per caller */
        ACTIVE_JOBS,
        /** open job event streams, per caller and per gateway */
        EVENT_STREAMS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Limit limit;
    private final Duration retryAfter;

    public TooManyRequestsException(Limit limit, String message, Duration retryAfter) {
        super(message);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public Limit limit() {
        return limit;
    }

    /** @return the whole seconds to wait, at least one */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
