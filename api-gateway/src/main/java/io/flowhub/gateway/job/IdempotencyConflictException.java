package io.flowhub.gateway.job;

import io.flowhub.gateway.system.UnprocessableContentException;

/** An Idempotency-Key used before with another request body: a 422. */
public class IdempotencyConflictException extends UnprocessableContentException {

    public IdempotencyConflictException(String key) {
        super("Idempotency-Key '" + key + "' was used with another request body; use a new key for a new request");
    }
}
